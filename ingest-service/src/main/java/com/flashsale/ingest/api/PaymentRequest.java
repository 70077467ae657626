package com.flashsale.ingest.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/orders/{orderId}/payment}, sent by the merchant's payment callback. The
 * amount is not part of it: the stream processor confirms the units it reserved, and any other field
 * is rejected as unknown.
 */
public record PaymentRequest(@NotNull @Pattern(regexp = IdPatterns.PAYMENT_ID) String paymentId) {
}
