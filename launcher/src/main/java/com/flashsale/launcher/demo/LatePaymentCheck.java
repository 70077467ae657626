package com.flashsale.launcher.demo;

/**
 * A payment sent after an order's hold expired, which the processor must answer with
 * PaymentRejected while the order stays EXPIRED.
 *
 * @param orderId the expired order, or null when no reservation was left to expire
 * @param paymentStatus HTTP status of the payment command (0 for no answer)
 * @param statusAfter the order's status in the projection after the payment was processed
 * @param eventsStatus HTTP status of {@code GET /v1/orders/{orderId}/events}; 404 where the projection lacks it
 * @param paymentRejectedSeen whether the order's events show PaymentRejected; null when the events could not be read
 */
public record LatePaymentCheck(
        String orderId,
        int paymentStatus,
        String statusAfter,
        int eventsStatus,
        Boolean paymentRejectedSeen) {

    public static LatePaymentCheck notRun() {
        return new LatePaymentCheck(null, 0, null, 0, null);
    }

    public boolean ran() {
        return orderId != null;
    }

    /** Holds when the check did not run, or the payment was accepted and left the order EXPIRED without contrary events. */
    public boolean passed() {
        if (!ran()) {
            return true;
        }
        return paymentStatus == 202
                && OrderStatuses.EXPIRED.equals(statusAfter)
                && !Boolean.FALSE.equals(paymentRejectedSeen);
    }
}
