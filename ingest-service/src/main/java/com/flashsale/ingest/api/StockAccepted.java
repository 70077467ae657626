package com.flashsale.ingest.api;

/** Body of the {@code 202} response to a stock command. */
public record StockAccepted(String skuId, String status) {

    public static final String ACCEPTED = "ACCEPTED";
}
