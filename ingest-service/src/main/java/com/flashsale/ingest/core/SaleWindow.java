package com.flashsale.ingest.core;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The period in which a sale accepts orders: from {@code start} (inclusive) to {@code end}. */
public record SaleWindow(Instant start, Instant end) {

    /**
     * Parses ISO-8601 date-times that carry an offset. A time without one is rejected instead of
     * being read in the server's zone, which could open a sale hours early.
     */
    public static SaleWindow parse(String saleStart, String saleEnd) {
        Instant start = parseInstant(saleStart, "saleStart");
        Instant end = parseInstant(saleEnd, "saleEnd");
        if (!end.isAfter(start)) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "saleEnd");
        }
        return new SaleWindow(start, end);
    }

    private static Instant parseInstant(String text, String field) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_FIELD, field);
        }
    }
}
