package com.flashsale.launcher.demo;

/** What the demo does with a reservation once the projection shows it. */
public enum HoldAction {
    /** The merchant confirms a payment. */
    PAY,
    /** The shopper cancels the order. */
    CANCEL,
    /** Nobody acts, so the hold expires. */
    LET_EXPIRE
}
