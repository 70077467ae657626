package com.flashsale.processor.topology;

/** Names of the state stores; each store's changelog topic is named after it. */
public final class StoreNames {

    /** route-orders stage: orderId to the order's first submission. */
    public static final String ORDER_ROUTE = "order-route-store";

    /** reserve-stock stage: skuId to its stock and sale rules. */
    public static final String SKU_STOCK = "sku-stock-store";

    /** reserve-stock stage: orderId to the decided order. */
    public static final String SKU_ORDER = "sku-order-store";

    /** reserve-stock stage: (skuId, userId) to the units of the user's RESERVED orders. */
    public static final String USER_HOLD = "sku-user-hold-store";

    private StoreNames() {
    }
}
