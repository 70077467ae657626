package com.flashsale.launcher.demo;

/** How a planned order reaches the ingest service, imitating a mini-program on a weak network. */
public enum Delivery {
    /** One request. */
    ONCE,
    /** Two requests with the same clientRequestId at the same moment, like a double tap. */
    DOUBLE_TAP,
    /** One request whose answer the client treats as lost, then the same clientRequestId again later. */
    RETRY_AFTER_TIMEOUT;

    public int requests() {
        return this == ONCE ? 1 : 2;
    }
}
