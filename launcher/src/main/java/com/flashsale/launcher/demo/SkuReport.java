package com.flashsale.launcher.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One SKU after every hold has ended, with the checks of its stock equation.
 *
 * @param confirmedUnits units of the SKU's CONFIRMED orders, as the demo observed them
 * @param available the projection's count, or null if it had no row for the SKU
 * @param oversoldUnits units beyond stock, by the larger of the orders' and the projection's count
 * @param problems every broken check, in words; empty when the SKU is consistent
 */
public record SkuReport(
        String skuId,
        long stock,
        long confirmedUnits,
        Long available,
        Long reserved,
        Long sold,
        long oversoldUnits,
        List<String> problems) {

    public SkuReport {
        problems = List.copyOf(problems);
    }

    /**
     * Checks that available + reserved + sold equals the stock, that nothing is oversold, that no
     * unit is still reserved and that the projection's sold count matches the confirmed orders.
     *
     * @param counts the projection's figures, or null when it has no row for the SKU
     */
    public static SkuReport of(String skuId, long stock, long confirmedUnits, SkuCounts counts) {
        if (counts == null) {
            long oversold = Math.max(0, confirmedUnits - stock);
            return new SkuReport(skuId, stock, confirmedUnits, null, null, null, oversold,
                    List.of("the projection has no stock figures for this SKU"));
        }
        List<String> problems = new ArrayList<>();
        long total = counts.available() + counts.reserved() + counts.sold();
        if (total != stock) {
            problems.add("available + reserved + sold = " + total + ", not the stock " + stock);
        }
        if (counts.available() < 0 || counts.reserved() < 0 || counts.sold() < 0) {
            problems.add("a negative count");
        }
        if (counts.sold() > stock) {
            problems.add("sold " + counts.sold() + " exceeds the stock " + stock);
        }
        if (counts.reserved() != 0) {
            problems.add(counts.reserved() + " units still reserved after every hold ended");
        }
        if (counts.sold() != confirmedUnits) {
            problems.add("sold " + counts.sold() + " differs from the " + confirmedUnits + " units of CONFIRMED orders");
        }
        long oversold = Math.max(0, Math.max(confirmedUnits, counts.reserved() + counts.sold()) - stock);
        return new SkuReport(skuId, stock, confirmedUnits, counts.available(), counts.reserved(), counts.sold(),
                oversold, problems);
    }

    public boolean passed() {
        return problems.isEmpty() && oversoldUnits == 0;
    }

    /** The projection's stock figures of a SKU. */
    public record SkuCounts(long available, long reserved, long sold) {
    }
}
