package com.flashsale.processor.state;

/**
 * An order as the reserve-stock stage decided it, kept under its orderId.
 *
 * @param expiresAt end of the hold in epoch milliseconds, or null when the order was never reserved
 * @param reservationEventId eventId of the OrderReserved, which later lifecycle events of a hold
 *     name as their cause; null when the order was never reserved
 */
public record SkuOrder(OrderStatus status, String skuId, String userId, int quantity, Long expiresAt,
                       String reservationEventId) {

    public SkuOrder withStatus(OrderStatus newStatus) {
        return new SkuOrder(newStatus, skuId, userId, quantity, expiresAt, reservationEventId);
    }
}
