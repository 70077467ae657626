package com.flashsale.processor.state;

/**
 * First submission of an order as the route-orders stage stores it, under its orderId.
 * Payment and cancel commands look up the SKU here, because they arrive keyed by orderId.
 *
 * @param submissionEventId eventId of the submission that was forwarded
 */
public record OrderRoute(String skuId, String userId, int quantity, String submissionEventId) {
}
