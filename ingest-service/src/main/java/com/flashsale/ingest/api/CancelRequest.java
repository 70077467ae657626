package com.flashsale.ingest.api;

/**
 * Body of {@code POST /v1/orders/{orderId}/cancel}. A cancel needs no data beyond the path and the
 * token, so the body is empty or {@code {}}. The record exists so that strict JSON rejects any field,
 * such as a {@code userId} that tries to cancel on someone else's behalf.
 */
public record CancelRequest() {
}
