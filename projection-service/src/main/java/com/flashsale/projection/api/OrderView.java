package com.flashsale.projection.api;

import com.flashsale.projection.db.OrderRow;
import java.time.Instant;

/**
 * Response body of an order query. Times are ISO-8601 instants in UTC. {@code quantity} is null
 * while only events without it have arrived, and {@code reason} is set for REJECTED.
 */
public record OrderView(
        String orderId,
        String skuId,
        Integer quantity,
        String status,
        String reason,
        long version,
        String submittedAt,
        String updatedAt,
        String expiresAt) {

    public static OrderView of(OrderRow row) {
        return new OrderView(row.orderId(), row.skuId(), row.quantity(), row.status(), row.reason(), row.version(),
                format(row.submittedAt()), format(row.updatedAt()), format(row.expiresAt()));
    }

    static String format(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
