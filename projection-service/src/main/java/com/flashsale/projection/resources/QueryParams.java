package com.flashsale.projection.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import java.util.OptionalLong;

/**
 * Parses numeric query parameters. JAX-RS responds 404 to a query parameter it cannot convert,
 * so resources take them as strings and parse them here into a 400.
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * Returns the value as a number in {@code [min, max]}, or empty when the parameter is absent.
     *
     * @throws ApiException INVALID_PARAMETER naming the parameter when the value is not an integer
     *                      or lies outside the range
     */
    static OptionalLong optionalLong(String name, String value, long min, long max) {
        if (value == null) {
            return OptionalLong.empty();
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name);
        }
        if (number < min || number > max) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name);
        }
        return OptionalLong.of(number);
    }
}
