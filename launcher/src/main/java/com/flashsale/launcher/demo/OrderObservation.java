package com.flashsale.launcher.demo;

import java.time.Instant;

/**
 * An order as the projection returned it at one moment.
 *
 * @param updatedAt the projection's time of the latest change, or null if it sent none
 */
public record OrderObservation(
        String orderId,
        String skuId,
        Integer quantity,
        String status,
        String reason,
        Instant updatedAt,
        Instant observedAt) {

    public boolean isFinal() {
        return OrderStatuses.isFinal(status);
    }

    public String outcome() {
        return OrderStatuses.outcome(status, reason);
    }
}
