package com.flashsale.launcher.demo;

/** One order a shopper means to place; it may be sent more than once with the same clientRequestId. */
public record PlannedOrder(String shopperId, String skuId, int quantity, String clientRequestId, Delivery delivery) {
}
