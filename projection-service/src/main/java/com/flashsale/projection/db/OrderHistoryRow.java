package com.flashsale.projection.db;

import java.time.Instant;

/** One row of {@code order_history}: an applied event of an order; {@code requestId} is set for a submission. */
public record OrderHistoryRow(
        String eventId,
        String orderId,
        String eventType,
        Instant occurredAt,
        String reason,
        String causationId,
        String requestId) {
}
