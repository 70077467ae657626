package com.flashsale.projection.db;

import java.time.Instant;

/** One row of {@code orders}: the current state of an order. */
public record OrderRow(
        String orderId,
        String userId,
        String skuId,
        Integer quantity,
        String status,
        String reason,
        long version,
        int statusRank,
        Instant submittedAt,
        Instant updatedAt,
        Instant expiresAt,
        String clientRequestId) {
}
