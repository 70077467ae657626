package com.flashsale.processor.state;

/**
 * An order as the reserve-stock stage decided it, kept under its orderId.
 *
 * @param expiresAt end of the hold in epoch milliseconds, or null when the order was rejected
 */
public record SkuOrder(OrderStatus status, String skuId, String userId, int quantity, Long expiresAt) {
}
