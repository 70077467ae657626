package com.flashsale.events.topics;

import java.util.List;
import java.util.Objects;

/**
 * Names of the pipeline's topics under one prefix, so that several pipelines can share a cluster.
 * Every service derives its names here, which keeps producers and consumers in agreement.
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "flashsale.";

    public static final String ORDER_SUBMISSIONS = "order-submissions";
    public static final String ORDER_COMMANDS = "order-commands";
    public static final String STOCK_COMMANDS = "stock-commands";
    public static final String ORDER_EVENTS = "order-events";
    public static final String STOCK_EVENTS = "stock-events";
    public static final String DEAD_LETTER = "dead-letter";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    public static Topics withDefaultPrefix() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** Submissions from the ingest service, keyed by skuId. */
    public String orderSubmissions() {
        return prefix + ORDER_SUBMISSIONS;
    }

    /** Payment confirmations and cancellations, keyed by orderId. */
    public String orderCommands() {
        return prefix + ORDER_COMMANDS;
    }

    /** SetStock and AdjustStock from the merchant API, keyed by skuId. */
    public String stockCommands() {
        return prefix + STOCK_COMMANDS;
    }

    /** Every order outcome, keyed by orderId. */
    public String orderEvents() {
        return prefix + ORDER_EVENTS;
    }

    /** A StockChanged after every stock change, keyed by skuId. */
    public String stockEvents() {
        return prefix + STOCK_EVENTS;
    }

    /** Records that could not be processed, with the original key and bytes. */
    public String deadLetter() {
        return prefix + DEAD_LETTER;
    }

    /** Topics that keep their data forever because audits replay them from offset 0. */
    public List<String> eventLog() {
        return List.of(orderSubmissions(), orderCommands(), stockCommands(), orderEvents(), stockEvents());
    }

    public List<String> all() {
        return List.of(orderSubmissions(), orderCommands(), stockCommands(), orderEvents(), stockEvents(), deadLetter());
    }
}
