package com.flashsale.ingest.api;

/** Body of the {@code 202} response to an order, with the URL to poll for its outcome. */
public record OrderAccepted(String orderId, String status, String statusUrl) {

    public static final String SUBMITTED = "SUBMITTED";
}
