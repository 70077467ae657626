package com.flashsale.projection.api;

import com.flashsale.projection.db.OrderHistoryRow;

/**
 * One event in an order's history; {@code reason} is set for a rejection, and {@code requestId}
 * (the ingest's {@code X-Request-Id}) for the submission.
 */
public record OrderEventView(
        String eventId,
        String type,
        String occurredAt,
        String reason,
        String causationId,
        String requestId) {

    public static OrderEventView of(OrderHistoryRow row) {
        return new OrderEventView(row.eventId(), row.eventType(), OrderView.format(row.occurredAt()), row.reason(),
                row.causationId(), row.requestId());
    }
}
