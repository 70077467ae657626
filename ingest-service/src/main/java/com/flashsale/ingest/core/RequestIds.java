package com.flashsale.ingest.core;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chooses the id that traces one HTTP request through the events it writes. A caller's
 * {@code X-Request-Id} is kept when it is a short token of safe characters. Anything else is
 * replaced because the id is copied into events and log lines.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String choose(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
