package com.flashsale.ingest.api;

import java.util.regex.Pattern;

/**
 * Allowed forms of the ids that clients send. All of them exclude control characters, NUL and spaces,
 * so the ids are safe in Kafka keys, URLs and log lines.
 */
public final class IdPatterns {

    /** A letter or digit, then up to 63 letters, digits, '.', '_' or '-'. */
    public static final String SKU_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /** 1 to 64 letters, digits, '.', '_', ':' or '-', so UUIDs and timestamps fit. */
    public static final String CLIENT_REQUEST_ID = "^[A-Za-z0-9._:-]{1,64}$";

    /** 1 to 64 letters, digits, '.', '_', ':' or '-': the reference of the merchant's payment provider. */
    public static final String PAYMENT_ID = "^[A-Za-z0-9._:-]{1,64}$";

    /**
     * A UUID in its canonical lower-case form, as {@code OrderIds} prints it. Other spellings of the
     * same UUID are rejected, because the order id is a Kafka key and a state-store key, and there an
     * upper-case copy would name a different order.
     */
    public static final String ORDER_ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private static final Pattern SKU_ID_PATTERN = Pattern.compile(SKU_ID);
    private static final Pattern ORDER_ID_PATTERN = Pattern.compile(ORDER_ID);

    private IdPatterns() {
    }

    public static boolean isSkuId(String value) {
        return value != null && SKU_ID_PATTERN.matcher(value).matches();
    }

    public static boolean isOrderId(String value) {
        return value != null && ORDER_ID_PATTERN.matcher(value).matches();
    }
}
