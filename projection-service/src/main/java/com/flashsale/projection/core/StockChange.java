package com.flashsale.projection.core;

import java.time.Instant;
import java.util.Objects;

/** The stock of one SKU after a change, as carried by a {@code StockChanged} event. */
public record StockChange(
        String eventId,
        String skuId,
        long version,
        long stock,
        long available,
        long reserved,
        long sold,
        int perUserLimit,
        Instant saleStart,
        Instant saleEnd,
        Instant occurredAt) implements ViewChange {

    public StockChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(saleStart, "saleStart");
        Objects.requireNonNull(saleEnd, "saleEnd");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
