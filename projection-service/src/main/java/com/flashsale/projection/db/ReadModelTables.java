package com.flashsale.projection.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The tables an event replay fills, and the checks and truncation a rebuild needs. */
public final class ReadModelTables {

    /** Every table the event applier writes, the idempotency record included. */
    public static final List<String> NAMES = List.of("orders", "skus", "applied_events", "order_history");

    private ReadModelTables() {
    }

    /** Deletes every row of the read model in one transaction. */
    public static void truncate(Handle handle) {
        handle.useTransaction(transaction -> NAMES.forEach(table -> transaction.execute("DELETE FROM " + table)));
    }

    /** True when no read-model table holds a row. */
    public static boolean isEmpty(Handle handle) {
        return NAMES.stream().allMatch(table ->
                handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one() == 0);
    }
}
