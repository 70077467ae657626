package com.flashsale.projection.api;

import com.flashsale.projection.db.SkuRow;

/** Stock of a SKU as of its latest applied change; sale times are ISO-8601 instants in UTC. */
public record SkuView(
        String skuId,
        long stock,
        long available,
        long reserved,
        long sold,
        int perUserLimit,
        String saleStart,
        String saleEnd,
        long version) {

    public static SkuView of(SkuRow row) {
        return new SkuView(row.skuId(), row.stock(), row.available(), row.reserved(), row.sold(), row.perUserLimit(),
                OrderView.format(row.saleStart()), OrderView.format(row.saleEnd()), row.version());
    }
}
