package com.flashsale.projection.db;

import java.time.Instant;

/** One row of {@code order_history}: an applied event of an order. */
public record OrderHistoryRow(
        String eventId,
        String orderId,
        String eventType,
        Instant occurredAt,
        String reason,
        String causationId) {
}
