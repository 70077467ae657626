package com.flashsale.projection.audit;

import java.util.List;

/**
 * A broken invariant found in the event log, or a warning, with the orders and SKUs involved.
 *
 * @param message what is wrong, naming the values that show it
 */
public record Violation(Kind kind, String message, List<String> orderIds, List<String> skuIds) {

    /** The rule a violation breaks. */
    public enum Kind {
        /** available + reserved + sold differs from the stock of a StockChanged. */
        STOCK_NOT_BALANCED,
        /** A StockChanged with a negative count. */
        NEGATIVE_STOCK,
        /** A StockChanged with sold + reserved above the stock. */
        OVERSOLD,
        /** A user holds more units of a SKU in RESERVED and CONFIRMED orders than its per-user limit. */
        USER_LIMIT_EXCEEDED,
        /** An order with two or more terminal events. */
        MULTIPLE_TERMINAL_EVENTS,
        /** An order with two or more OrderReserved events. */
        MULTIPLE_RESERVATIONS,
        /** An outcome event of an order that no OrderSubmitted announced. */
        EVENT_FOR_UNSUBMITTED_ORDER,
        /** Warning: a retry, dead letter or rejected payment of a command about an unknown order. */
        COMMAND_FOR_UNKNOWN_ORDER
    }

    public Violation {
        orderIds = List.copyOf(orderIds);
        skuIds = List.copyOf(skuIds);
    }
}
