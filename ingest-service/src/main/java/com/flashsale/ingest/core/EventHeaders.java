package com.flashsale.ingest.core;

import java.util.Map;

/**
 * Kafka record headers that the ingest service puts on every event. The request id is also a field
 * of each event; the header lets operators find a request's record with Kafka's console tools,
 * which cannot decode the Avro payload.
 */
public final class EventHeaders {

    public static final String REQUEST_ID = "requestId";

    private EventHeaders() {
    }

    public static Map<String, String> forRequest(String requestId) {
        return Map.of(REQUEST_ID, requestId);
    }
}
