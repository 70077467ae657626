package com.flashsale.projection.core;

/** Receives the id of each order whose read-model rows a committed transaction changed. */
@FunctionalInterface
public interface OrderChangeListener {

    OrderChangeListener NONE = orderId -> { };

    /** Called on the applying thread after the commit, so it must return quickly. */
    void orderChanged(String orderId);
}
