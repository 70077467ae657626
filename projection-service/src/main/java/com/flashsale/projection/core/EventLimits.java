package com.flashsale.projection.core;

/**
 * Length limits of the text an event may carry into the read model. Checking them before the
 * write keeps an oversized value from failing the transaction again on every retry.
 */
final class EventLimits {

    /** Maximum length of an id in Unicode code points; the columns hold twice as many UTF-16 units. */
    static final int MAX_ID_CODE_POINTS = 128;

    private EventLimits() {
    }

    static void check(ViewChange change) {
        requireId("eventId", change.eventId());
        if (change instanceof OrderChange order) {
            requireId("orderId", order.orderId());
            // A history-only event, such as a retried payment for an unknown order, has no SKU.
            if (order.changesOrder()) {
                requireId("skuId", order.skuId());
            }
            requireId("userId", order.userId());
            requireOptionalId("causationId", order.causationId());
            requireOptionalId("clientRequestId", order.clientRequestId());
        } else if (change instanceof StockChange stock) {
            requireId("skuId", stock.skuId());
        }
    }

    private static void requireOptionalId(String field, String value) {
        if (value != null) {
            requireId(field, value);
        }
    }

    private static void requireId(String field, String value) {
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > MAX_ID_CODE_POINTS) {
            throw new InvalidEventException(field + " must have 1 to " + MAX_ID_CODE_POINTS
                    + " characters but has " + length);
        }
    }
}
