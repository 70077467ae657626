package com.flashsale.projection.db;

import java.time.Instant;

/** One row of {@code skus}: the stock of a SKU as of its latest applied version. */
public record SkuRow(
        String skuId,
        long stock,
        long available,
        long reserved,
        long sold,
        int perUserLimit,
        Instant saleStart,
        Instant saleEnd,
        long version,
        Instant updatedAt) {
}
