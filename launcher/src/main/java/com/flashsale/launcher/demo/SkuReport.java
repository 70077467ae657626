package com.flashsale.launcher.demo;

/**
 * One SKU after the sale.
 *
 * @param unitsHeldByOrders units of the SKU's orders whose final status keeps units (RESERVED, CONFIRMED)
 * @param reserved the projection's count, or null if it had no row for the SKU
 * @param oversoldUnits units beyond stock, by the larger of the orders' and the projection's count
 */
public record SkuReport(
        String skuId,
        long stock,
        long unitsHeldByOrders,
        Long available,
        Long reserved,
        Long sold,
        long oversoldUnits) {

    public static SkuReport of(String skuId, long stock, long unitsHeldByOrders, SkuCounts counts) {
        long heldInProjection = counts == null ? 0 : counts.reserved() + counts.sold();
        long oversold = Math.max(0, Math.max(unitsHeldByOrders, heldInProjection) - stock);
        return new SkuReport(skuId, stock, unitsHeldByOrders,
                counts == null ? null : counts.available(),
                counts == null ? null : counts.reserved(),
                counts == null ? null : counts.sold(),
                oversold);
    }

    /** The projection's stock figures of a SKU. */
    public record SkuCounts(long available, long reserved, long sold) {
    }
}
