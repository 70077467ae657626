package com.flashsale.ingest.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /v1/skus/{skuId}/stock}. The sale times are ISO-8601 strings that must carry
 * an offset ({@code 2026-12-04T10:00:00+08:00} or {@code ...Z}). They stay strings here so that a
 * time without an offset, or a bare number, is reported against the field instead of being read
 * in some default zone.
 */
public record StockRequest(
        @NotNull @Min(0) @Max(1_000_000_000L) Long stock,
        @NotNull @Min(1) Integer perUserLimit,
        @NotNull @Size(max = 64) String saleStart,
        @NotNull @Size(max = 64) String saleEnd) {
}
