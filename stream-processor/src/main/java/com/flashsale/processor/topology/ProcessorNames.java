package com.flashsale.processor.topology;

/** Names of the topology's nodes, which appear in logs, metrics and the topology description. */
public final class ProcessorNames {

    public static final String ORDER_SUBMISSIONS_SOURCE = "order-submissions-source";
    public static final String KEY_BY_ORDER_ID = "key-by-order-id";
    public static final String ROUTE_ORDERS = "route-orders";
    public static final String STOCK_COMMANDS_SOURCE = "stock-commands-source";
    public static final String MERGE_SKU_INPUTS = "merge-sku-inputs";
    public static final String RESERVE_STOCK = "reserve-stock";
    public static final String SPLIT_OUTCOMES = "split-outcomes-";
    public static final String STOCK_EVENTS_BRANCH = "stock-events";
    public static final String ORDER_EVENTS_BRANCH = "order-events";
    public static final String STOCK_EVENTS_SINK = "stock-events-sink";
    public static final String ORDER_EVENTS_SINK = "order-events-sink";

    private ProcessorNames() {
    }
}
