package com.flashsale.processor.topology;

/** Names of the topology's nodes, which appear in logs, metrics and the topology description. */
public final class ProcessorNames {

    public static final String ORDER_SUBMISSIONS_SOURCE = "order-submissions-source";
    public static final String KEY_BY_ORDER_ID = "key-by-order-id";
    public static final String ORDER_COMMANDS_SOURCE = "order-commands-source";
    public static final String MERGE_ORDER_INPUTS = "merge-order-inputs";
    public static final String ROUTE_ORDERS = "route-orders";
    public static final String SPLIT_ROUTED = "split-routed-";
    public static final String TO_RESERVE_STOCK_BRANCH = "to-reserve-stock";
    public static final String ROUTE_ORDER_EVENTS_BRANCH = "order-events";
    public static final String ROUTE_ORDER_EVENTS_SINK = "route-orders-order-events-sink";
    public static final String ROUTE_DEAD_LETTER_SINK = "route-orders-dead-letter-sink";
    public static final String STOCK_COMMANDS_SOURCE = "stock-commands-source";
    public static final String MERGE_SKU_INPUTS = "merge-sku-inputs";
    public static final String RESERVE_STOCK = "reserve-stock";
    public static final String SPLIT_OUTCOMES = "split-outcomes-";
    public static final String STOCK_EVENTS_BRANCH = "stock-events";
    public static final String ORDER_EVENTS_BRANCH = "order-events";
    public static final String STOCK_EVENTS_SINK = "stock-events-sink";
    public static final String ORDER_EVENTS_SINK = "order-events-sink";
    public static final String RESERVE_DEAD_LETTER_SINK = "reserve-stock-dead-letter-sink";

    private ProcessorNames() {
    }
}
