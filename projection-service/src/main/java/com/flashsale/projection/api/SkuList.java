package com.flashsale.projection.api;

import java.util.List;

/** Response body of the SKU list, ordered by SKU id. */
public record SkuList(List<SkuView> skus) {
}
