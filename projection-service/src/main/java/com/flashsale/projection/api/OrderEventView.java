package com.flashsale.projection.api;

import com.flashsale.projection.db.OrderHistoryRow;

/** One event in an order's history; {@code reason} is set for a rejection. */
public record OrderEventView(
        String eventId,
        String type,
        String occurredAt,
        String reason,
        String causationId) {

    public static OrderEventView of(OrderHistoryRow row) {
        return new OrderEventView(row.eventId(), row.eventType(), OrderView.format(row.occurredAt()), row.reason(),
                row.causationId());
    }
}
