package com.flashsale.projection.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Contribution of one order event to the read model. A null {@code status} marks an event that
 * only enters the order's history, such as a payment rejected after the hold ended.
 *
 * @param quantity units ordered, or null for events that do not carry it
 * @param reason rejection reason, or null
 * @param expiresAt end of the hold, or null
 * @param clientRequestId the client's id of the purchase, or null outside a submission
 * @param requestId id of the ingest HTTP request behind a submission, or null
 */
public record OrderChange(
        String eventId,
        String eventType,
        String orderId,
        String skuId,
        String userId,
        Instant occurredAt,
        String causationId,
        OrderStatus status,
        Integer quantity,
        String reason,
        Instant expiresAt,
        String clientRequestId,
        String requestId) implements ViewChange {

    /** Builds a change of an event that carries no request id, which is every event but a submission. */
    public OrderChange(String eventId, String eventType, String orderId, String skuId, String userId,
                       Instant occurredAt, String causationId, OrderStatus status, Integer quantity, String reason,
                       Instant expiresAt, String clientRequestId) {
        this(eventId, eventType, orderId, skuId, userId, occurredAt, causationId, status, quantity, reason, expiresAt,
                clientRequestId, null);
    }

    public OrderChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public boolean changesOrder() {
        return status != null;
    }
}
