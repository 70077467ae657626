package com.flashsale.launcher.bench.stages;

import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The change that one order event makes to a row of the orders read model: the projection's
 * status and rank for the event type (a status moves only to a higher rank) and the columns the
 * event carries.
 *
 * @param reason          rejection reason, null otherwise
 * @param expiresAt       end of a reservation's hold, null otherwise
 * @param clientRequestId only a submission carries it
 */
record OrderRowChange(String orderId, String userId, String skuId, Integer quantity, String status, int statusRank,
                      String reason, Instant occurredAt, Instant expiresAt, String clientRequestId) {

    /** Returns the change for an event type the baseline writes, or empty for any other type. */
    static Optional<OrderRowChange> of(SpecificRecord event) {
        if (event instanceof OrderSubmitted e) {
            return Optional.of(new OrderRowChange(e.getOrderId(), e.getUserId(), e.getSkuId(), e.getQuantity(),
                    "SUBMITTED", 0, null, e.getOccurredAt(), null, e.getClientRequestId()));
        }
        if (event instanceof OrderReserved e) {
            return Optional.of(new OrderRowChange(e.getOrderId(), e.getUserId(), e.getSkuId(), e.getQuantity(),
                    "RESERVED", 2, null, e.getOccurredAt(), e.getExpiresAt(), null));
        }
        if (event instanceof OrderRejected e) {
            return Optional.of(new OrderRowChange(e.getOrderId(), e.getUserId(), e.getSkuId(), e.getQuantity(),
                    "REJECTED", 3, e.getReason().name(), e.getOccurredAt(), null, null));
        }
        if (event instanceof OrderConfirmed e) {
            return Optional.of(new OrderRowChange(e.getOrderId(), e.getUserId(), e.getSkuId(), e.getQuantity(),
                    "CONFIRMED", 3, null, e.getOccurredAt(), null, null));
        }
        if (event instanceof OrderExpired e) {
            return Optional.of(new OrderRowChange(e.getOrderId(), e.getUserId(), e.getSkuId(), e.getQuantity(),
                    "EXPIRED", 3, null, e.getOccurredAt(), null, null));
        }
        return Optional.empty();
    }
}
