package com.flashsale.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /v1/skus/{skuId}/stock/adjustments}: units added (positive) or removed
 * (negative) during a running sale. The processor rejects a removal below what is already
 * reserved plus sold, because the edge cannot know those counts.
 */
public record StockAdjustmentRequest(
        @NotNull @Min(-1_000_000_000L) @Max(1_000_000_000L) Long delta) {
}
