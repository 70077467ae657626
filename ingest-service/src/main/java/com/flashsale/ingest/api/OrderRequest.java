package com.flashsale.ingest.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/orders}. The buyer is never part of it: the user comes from the token, so
 * a body that names {@code userId}, {@code orderId} or a price is rejected as an unknown field. The
 * upper bound of {@code quantity} is configurable, so the resource checks it.
 */
public record OrderRequest(
        @NotNull @Pattern(regexp = IdPatterns.SKU_ID) String skuId,
        @NotNull @Min(1) Integer quantity,
        @NotNull @Pattern(regexp = IdPatterns.CLIENT_REQUEST_ID) String clientRequestId) {
}
