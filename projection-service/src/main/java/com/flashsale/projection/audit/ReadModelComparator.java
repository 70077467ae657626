package com.flashsale.projection.audit;

import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.db.SkuRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the read model replayed from the log with the live one, row by row: each order's
 * status, reason, quantity, SKU, user, version and hold end, and each SKU's counts, limit, sale
 * window and version.
 */
public final class ReadModelComparator {

    private static final Map<String, Function<OrderRow, Object>> ORDER_FIELDS = orderFields();
    private static final Map<String, Function<SkuRow, Object>> SKU_FIELDS = skuFields();

    private static Map<String, Function<OrderRow, Object>> orderFields() {
        Map<String, Function<OrderRow, Object>> fields = new LinkedHashMap<>();
        fields.put("status", OrderRow::status);
        fields.put("reason", OrderRow::reason);
        fields.put("quantity", OrderRow::quantity);
        fields.put("skuId", OrderRow::skuId);
        fields.put("userId", OrderRow::userId);
        fields.put("version", OrderRow::version);
        fields.put("expiresAt", OrderRow::expiresAt);
        return fields;
    }

    private static Map<String, Function<SkuRow, Object>> skuFields() {
        Map<String, Function<SkuRow, Object>> fields = new LinkedHashMap<>();
        fields.put("stock", SkuRow::stock);
        fields.put("available", SkuRow::available);
        fields.put("reserved", SkuRow::reserved);
        fields.put("sold", SkuRow::sold);
        fields.put("perUserLimit", SkuRow::perUserLimit);
        fields.put("saleStart", SkuRow::saleStart);
        fields.put("saleEnd", SkuRow::saleEnd);
        fields.put("version", SkuRow::version);
        return fields;
    }

    private ReadModelComparator() {
    }

    /** Lists every differing order field and every order that exists on one side only, by order id. */
    public static List<Difference> compareOrders(List<OrderRow> replayed, List<OrderRow> live) {
        return compare("orders", replayed, live, OrderRow::orderId, ORDER_FIELDS);
    }

    /** Lists every differing SKU field and every SKU that exists on one side only, by SKU id. */
    public static List<Difference> compareSkus(List<SkuRow> replayed, List<SkuRow> live) {
        return compare("skus", replayed, live, SkuRow::skuId, SKU_FIELDS);
    }

    private static <R> List<Difference> compare(String table, List<R> replayed, List<R> live,
                                                Function<R, String> id, Map<String, Function<R, Object>> fields) {
        Map<String, R> replayedById = byId(replayed, id);
        Map<String, R> liveById = byId(live, id);
        TreeSet<String> ids = new TreeSet<>(replayedById.keySet());
        ids.addAll(liveById.keySet());

        List<Difference> differences = new ArrayList<>();
        for (String rowId : ids) {
            R expected = replayedById.get(rowId);
            R actual = liveById.get(rowId);
            if (expected == null || actual == null) {
                differences.add(new Difference(table, rowId, Difference.ROW,
                        expected == null ? Difference.MISSING : Difference.PRESENT,
                        actual == null ? Difference.MISSING : Difference.PRESENT));
                continue;
            }
            fields.forEach((field, getter) -> {
                Object expectedValue = getter.apply(expected);
                Object actualValue = getter.apply(actual);
                if (!Objects.equals(expectedValue, actualValue)) {
                    differences.add(new Difference(table, rowId, field, String.valueOf(expectedValue),
                            String.valueOf(actualValue)));
                }
            });
        }
        return differences;
    }

    private static <R> Map<String, R> byId(List<R> rows, Function<R, String> id) {
        Map<String, R> byId = new TreeMap<>();
        rows.forEach(row -> byId.put(id.apply(row), row));
        return byId;
    }
}
