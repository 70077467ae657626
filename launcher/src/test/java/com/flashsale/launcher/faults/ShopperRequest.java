package com.flashsale.launcher.faults;

/** One order that a shopper's client submits, and resubmits with the same clientRequestId until it is accepted. */
record ShopperRequest(String userId, String token, String skuId, int quantity, String clientRequestId) {

    String key() {
        return userId + "/" + clientRequestId;
    }
}
