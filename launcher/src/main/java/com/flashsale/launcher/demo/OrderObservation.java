package com.flashsale.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An order as the projection returned it at one moment.
 *
 * @param version the projection's count of the order's applied events; 0 if it sent none
 * @param updatedAt the projection's time of the latest change, or null if it sent none
 * @param observedAt when the demo received this answer
 */
public record OrderObservation(
        String orderId,
        String skuId,
        Integer quantity,
        String status,
        String reason,
        long version,
        Instant updatedAt,
        Instant observedAt) {

    /** Reads the body of {@code GET /v1/orders/{orderId}}. */
    public static OrderObservation of(String orderId, JsonNode body, Instant observedAt) {
        JsonNode quantity = body.get("quantity");
        return new OrderObservation(
                orderId,
                text(body, "skuId"),
                quantity == null || quantity.isNull() ? null : quantity.asInt(),
                text(body, "status"),
                text(body, "reason"),
                body.path("version").asLong(0),
                parseInstant(text(body, "updatedAt")),
                observedAt);
    }

    public boolean isFinal() {
        return OrderStatuses.isFinal(status);
    }

    public boolean isDecided() {
        return OrderStatuses.isDecided(status);
    }

    public String outcome() {
        return OrderStatuses.outcome(status, reason);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant parseInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
