package com.flashsale.processor.state;

/** States of an order as the reserve-stock stage tracks them. */
public enum OrderStatus {
    RESERVED,
    REJECTED
}
