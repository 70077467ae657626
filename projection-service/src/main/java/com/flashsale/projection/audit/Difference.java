package com.flashsale.projection.audit;

/**
 * A value that differs between the replayed and the live read model.
 *
 * @param table {@code orders} or {@code skus}
 * @param id the order id or SKU id
 * @param field the differing field, or {@code row} when the row exists on one side only
 * @param replayed the value rebuilt from the log, or {@code missing}
 * @param live the value in the service's database, or {@code missing}
 */
public record Difference(String table, String id, String field, String replayed, String live) {

    public static final String ROW = "row";
    public static final String MISSING = "missing";
    public static final String PRESENT = "present";
}
