package com.flashsale.projection.core;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.StockChanged;
import java.time.Instant;

/** Builds events of one order or SKU with readable event ids and fixed times. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2025-11-11T00:00:00Z");

    private final String orderId;
    private final String skuId;
    private final String userId;
    private final int quantity;

    public TestEvents(String orderId, String skuId, String userId, int quantity) {
        this.orderId = orderId;
        this.skuId = skuId;
        this.userId = userId;
        this.quantity = quantity;
    }

    private String eventId(String type) {
        return orderId + "/" + type;
    }

    public static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    public OrderSubmitted submitted(int second) {
        return new OrderSubmitted(eventId("submitted"), orderId, skuId, userId, at(second), null, quantity,
                "client-" + orderId, null);
    }

    public OrderRetryScheduled retryScheduled(int second, int attempt) {
        return new OrderRetryScheduled(eventId("retry-" + attempt), orderId, skuId, userId, at(second),
                eventId("submitted"), attempt, at(second + 2), "OrderSubmitted");
    }

    public OrderReserved reserved(int second) {
        return new OrderReserved(eventId("reserved"), orderId, skuId, userId, at(second), eventId("submitted"),
                quantity, at(second + 600));
    }

    public OrderRejected rejected(int second, RejectionReason reason) {
        return new OrderRejected(eventId("rejected"), orderId, skuId, userId, at(second), eventId("submitted"),
                quantity, reason);
    }

    public OrderConfirmed confirmed(int second) {
        return new OrderConfirmed(eventId("confirmed"), orderId, skuId, userId, at(second), null, quantity);
    }

    public OrderExpired expired(int second) {
        return new OrderExpired(eventId("expired"), orderId, skuId, userId, at(second), eventId("reserved"), quantity);
    }

    public OrderCancelled cancelled(int second) {
        return new OrderCancelled(eventId("cancelled"), orderId, skuId, userId, at(second), null, quantity);
    }

    public OrderDeadLettered deadLettered(int second) {
        return new OrderDeadLettered(eventId("dead-lettered"), orderId, skuId, userId, at(second), null, 3,
                "OrderSubmitted", "stock of the SKU was never loaded");
    }

    public PaymentRejected paymentRejected(int second) {
        return new PaymentRejected(eventId("payment-rejected"), orderId, skuId, userId, at(second), null, "EXPIRED",
                "pay-1");
    }

    public static StockChanged stockChanged(String skuId, long version, long available, long reserved, long sold) {
        return new StockChanged(skuId + "/stock-" + version, null, skuId, null, at((int) version), null, version,
                available + reserved + sold, available, reserved, sold, 2, T0, T0.plusSeconds(3600));
    }
}
