package com.flashsale.ingest.api;

import java.util.regex.Pattern;

/**
 * Allowed forms of the ids that clients choose. Both exclude control characters, NUL and spaces,
 * so the ids are safe in Kafka keys, URLs and log lines.
 */
public final class IdPatterns {

    /** A letter or digit, then up to 63 letters, digits, '.', '_' or '-'. */
    public static final String SKU_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /** 1 to 64 letters, digits, '.', '_', ':' or '-', so UUIDs and timestamps fit. */
    public static final String CLIENT_REQUEST_ID = "^[A-Za-z0-9._:-]{1,64}$";

    private static final Pattern SKU_ID_PATTERN = Pattern.compile(SKU_ID);

    private IdPatterns() {
    }

    public static boolean isSkuId(String value) {
        return value != null && SKU_ID_PATTERN.matcher(value).matches();
    }
}
