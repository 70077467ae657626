package com.flashsale.projection.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;

/** Checks ids taken from a request path before they reach the database. */
final class PathIds {

    /** Maximum length of a path id in Unicode code points, so an emoji counts as one. */
    static final int MAX_CODE_POINTS = 64;

    private PathIds() {
    }

    /**
     * Returns the id unchanged when it is 1 to 64 code points long and free of control characters.
     *
     * @throws ApiException INVALID_PARAMETER naming the parameter otherwise
     */
    static String require(String name, String value) {
        if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, name);
        }
        return value;
    }
}
