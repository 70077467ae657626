package com.flashsale.ingest.api;

/**
 * Body of the {@code 202} response to an order, a payment or a cancel, with the URL to poll for the
 * order's outcome. The status names what was appended to the log, not a decision.
 */
public record OrderAccepted(String orderId, String status, String statusUrl) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String PAYMENT_SUBMITTED = "PAYMENT_SUBMITTED";
    public static final String CANCEL_SUBMITTED = "CANCEL_SUBMITTED";
}
