package com.flashsale.launcher.bench.stages;

import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds the events the benchmark writes, shaped like the ingest service's and the stream
 * processor's: fresh event ids, times in milliseconds, one user per order, quantity 1. Order,
 * user and SKU ids are derived from the order's number, so every run writes the same orders.
 */
final class BenchEvents {

    /** The processor's default hold, so that no reservation expires during a run. */
    static final Duration HOLD = Duration.ofMinutes(15);

    private static final String MERCHANT = "bench-merchant";

    /** The topic an event goes to, as the pipeline writes it. */
    enum Destination {
        ORDER_SUBMISSIONS,
        STOCK_COMMANDS,
        ORDER_EVENTS
    }

    /** One event with its destination and key (skuId on submissions and stock commands, orderId on order events). */
    record TopicEvent(Destination destination, String key, SpecificRecord event) {
    }

    private final Instant now;

    /** @param now the time every event carries; the sale window is open around it */
    BenchEvents(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    static String skuId(int sku) {
        return "bench-sku-" + sku;
    }

    static String orderId(int order) {
        return UUID.nameUUIDFromBytes(("bench-order-" + order).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String userId(int order) {
        return "bench-user-" + order;
    }

    /** Builds a sale on each of {@code skuCount} SKUs, open from an hour ago for a day, one unit per user. */
    List<TopicEvent> stockLoads(int skuCount, long stockPerSku) {
        List<TopicEvent> events = new ArrayList<>(skuCount);
        for (int sku = 0; sku < skuCount; sku++) {
            SetStock event = SetStock.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setSkuId(skuId(sku))
                    .setUserId(MERCHANT)
                    .setOccurredAt(now)
                    .setCausationId(null)
                    .setStock(stockPerSku)
                    .setPerUserLimit(1)
                    .setSaleStart(now.minus(Duration.ofHours(1)))
                    .setSaleEnd(now.plus(Duration.ofDays(1)))
                    .setRequestId(null)
                    .build();
            events.add(new TopicEvent(Destination.STOCK_COMMANDS, event.getSkuId(), event));
        }
        return events;
    }

    /** Builds {@code orderCount} submissions of one unit each, spread round-robin over {@code skuCount} SKUs. */
    List<TopicEvent> submissions(int orderCount, int skuCount) {
        List<TopicEvent> events = new ArrayList<>(orderCount);
        for (int order = 0; order < orderCount; order++) {
            OrderSubmitted event = submission(order, skuCount);
            events.add(new TopicEvent(Destination.ORDER_SUBMISSIONS, event.getSkuId(), event));
        }
        return events;
    }

    /** Builds the submission of order number {@code order}. Its encoded size is the benchmark's record size. */
    OrderSubmitted submission(int order, int skuCount) {
        return OrderSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId(order))
                .setSkuId(skuId(order % skuCount))
                .setUserId(userId(order))
                .setOccurredAt(now)
                .setCausationId(null)
                .setQuantity(1)
                .setClientRequestId("bench-request-" + order)
                .setRequestId(UUID.randomUUID().toString())
                .build();
    }

    /**
     * Builds the events of a sale that the projection reads, in the order a sale produces them:
     * every submission, then every decision, then the payments and expiries. Of each 20 orders, 4
     * are rejected as sold out and 16 reserved. Of the 16 reserved, 4 are confirmed, 4 expire and
     * 8 stay reserved, so 20 orders make 48 events.
     */
    List<TopicEvent> saleOutcomes(int orderCount, int skuCount) {
        List<TopicEvent> events = new ArrayList<>(orderCount * 12 / 5 + 1);
        List<OrderSubmitted> submitted = new ArrayList<>(orderCount);
        for (int order = 0; order < orderCount; order++) {
            OrderSubmitted event = submission(order, skuCount);
            submitted.add(event);
            events.add(new TopicEvent(Destination.ORDER_SUBMISSIONS, event.getSkuId(), event));
        }
        for (int order = 0; order < orderCount; order++) {
            OrderSubmitted submission = submitted.get(order);
            events.add(orderEvent(submission, decision(order, submission)));
        }
        for (int order = 0; order < orderCount; order++) {
            OrderSubmitted submission = submitted.get(order);
            if (isRejected(order)) {
                continue;
            }
            if (order % 4 == 0) {
                events.add(orderEvent(submission, confirmation(submission)));
            } else if (order % 4 == 1) {
                events.add(orderEvent(submission, expiry(submission)));
            }
        }
        return events;
    }

    private static boolean isRejected(int order) {
        return order % 5 == 0;
    }

    private static TopicEvent orderEvent(OrderSubmitted submission, SpecificRecord event) {
        return new TopicEvent(Destination.ORDER_EVENTS, submission.getOrderId(), event);
    }

    private SpecificRecord decision(int order, OrderSubmitted submission) {
        if (isRejected(order)) {
            return OrderRejected.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOrderId(submission.getOrderId())
                    .setSkuId(submission.getSkuId())
                    .setUserId(submission.getUserId())
                    .setOccurredAt(now)
                    .setCausationId(submission.getEventId())
                    .setQuantity(submission.getQuantity())
                    .setReason(RejectionReason.SOLD_OUT)
                    .build();
        }
        return OrderReserved.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(submission.getOrderId())
                .setSkuId(submission.getSkuId())
                .setUserId(submission.getUserId())
                .setOccurredAt(now)
                .setCausationId(submission.getEventId())
                .setQuantity(submission.getQuantity())
                .setExpiresAt(now.plus(HOLD))
                .build();
    }

    private OrderConfirmed confirmation(OrderSubmitted submission) {
        return OrderConfirmed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(submission.getOrderId())
                .setSkuId(submission.getSkuId())
                .setUserId(MERCHANT)
                .setOccurredAt(now.plusSeconds(60))
                .setCausationId(null)
                .setQuantity(submission.getQuantity())
                .build();
    }

    private OrderExpired expiry(OrderSubmitted submission) {
        return OrderExpired.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(submission.getOrderId())
                .setSkuId(submission.getSkuId())
                .setUserId(submission.getUserId())
                .setOccurredAt(now.plus(HOLD))
                .setCausationId(null)
                .setQuantity(submission.getQuantity())
                .build();
    }
}
