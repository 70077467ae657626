package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ingest service's order endpoint and the baseline endpoint of the same server, which parses
 * and validates the same body and responds 202 without Kafka.
 */
public record IngestResult(RateSweep product, RateSweep baseline) {

    /** Max sustainable requests per second of the two. */
    @JsonProperty
    public Comparison maxSustainable() {
        return new Comparison(product.maxSustainablePerSecond(), baseline.maxSustainablePerSecond());
    }
}
