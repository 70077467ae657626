package com.flashsale.projection.core;

/** One decoded event reduced to what the read model stores of it. */
public sealed interface ViewChange permits OrderChange, StockChange {

    String eventId();
}
