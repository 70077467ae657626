package com.flashsale.projection.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.db.OrderRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Position in a user's order list: the sort key of the last order of a page, submission time and
 * order id. Clients treat it as opaque; it is URL-safe Base64 of {@code <instant>|<orderId>}.
 */
record OrderCursor(Instant submittedAt, String orderId) {

    private static final char SEPARATOR = '|';

    static OrderCursor after(OrderRow row) {
        return new OrderCursor(row.submittedAt(), row.orderId());
    }

    String encode() {
        String key = submittedAt + String.valueOf(SEPARATOR) + orderId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor. An instant never contains the separator, so the order id is everything
     * after the first one.
     *
     * @throws ApiException INVALID_PARAMETER for {@code cursor} when it was not made by {@link #encode}
     */
    static OrderCursor decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = key.indexOf(SEPARATOR);
            if (separator < 0 || separator == key.length() - 1) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER, "cursor");
            }
            return new OrderCursor(Instant.parse(key.substring(0, separator)), key.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "cursor");
        }
    }
}
