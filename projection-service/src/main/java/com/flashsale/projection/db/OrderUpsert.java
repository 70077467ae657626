package com.flashsale.projection.db;

import java.time.Instant;

/**
 * The net effect of one batch's events on one order row: the values to insert when the row is
 * new, or to merge into it when it exists.
 *
 * @param quantity the first quantity any of the events carried, or null
 * @param submittedAt the earliest time among the events that change the order
 * @param updatedAt the latest time among them
 * @param expiresAt the first hold end any of them carried, or null
 * @param clientRequestId the first client request id any of them carried, or null
 * @param events the order's events applied in the batch, including those that only enter its
 *               history; an existing row's version rises by this much
 */
public record OrderUpsert(
        String orderId,
        String userId,
        String skuId,
        Integer quantity,
        String status,
        int statusRank,
        String reason,
        Instant submittedAt,
        Instant updatedAt,
        Instant expiresAt,
        String clientRequestId,
        int events) {
}
