package com.flashsale.processor.state;

/**
 * States of an order as the reserve-stock stage tracks them. CONFIRMED, EXPIRED, CANCELLED,
 * REJECTED and DEAD_LETTERED are terminal: no later record changes them.
 */
public enum OrderStatus {
    /** The submission is waiting for its SKU's stock to be loaded and will be decided on a retry. */
    RETRYING,
    RESERVED,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REJECTED,
    DEAD_LETTERED;

    public boolean isTerminal() {
        return this != RETRYING && this != RESERVED;
    }
}
