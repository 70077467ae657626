package com.flashsale.projection.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Limits of long-polling order queries. */
public class LongPollSettings {

    /**
     * Maximum number of requests waiting at once; beyond it a query gets 429. Each costs a
     * suspended request and an open connection, not a thread.
     */
    @Min(1)
    @Max(1_000_000)
    @JsonProperty
    private int maxWaitingRequests = 10_000;

    public int getMaxWaitingRequests() {
        return maxWaitingRequests;
    }
}
