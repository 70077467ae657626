package com.flashsale.processor.topology;

/** Names of the state stores; each store's changelog topic is named after it. */
public final class StoreNames {

    /** route-orders stage: orderId to the order's first submission. */
    public static final String ORDER_ROUTE = "order-route-store";

    /** route-orders stage: due key to a command whose order the stage has not seen yet. */
    public static final String ROUTE_RETRY = "route-retry-store";

    /** reserve-stock stage: skuId to its stock and sale rules. */
    public static final String SKU_STOCK = "sku-stock-store";

    /** reserve-stock stage: orderId to the decided order. */
    public static final String SKU_ORDER = "sku-order-store";

    /** reserve-stock stage: (skuId, userId) to the units of the user's RESERVED and CONFIRMED orders. */
    public static final String USER_HOLD = "sku-user-hold-store";

    /** reserve-stock stage: due key (end of the hold, orderId) to the orderId of a RESERVED order. */
    public static final String HOLD_EXPIRY = "hold-expiry-store";

    /** reserve-stock stage: due key to a submission or command that cannot be decided yet. */
    public static final String RESERVE_RETRY = "reserve-retry-store";

    private StoreNames() {
    }
}
