package com.flashsale.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * One token bucket: {@code burst} requests at once, then {@code permitsPerSecond} on average. A
 * bucket starts full, so a client that has been quiet may send a whole burst.
 */
public class RateSettings {

    @DecimalMin("0.001")
    @DecimalMax("1000000")
    @JsonProperty
    private double permitsPerSecond = 1.0;

    @Min(1)
    @Max(1_000_000)
    @JsonProperty
    private int burst = 5;

    public RateSettings() {
    }

    public RateSettings(double permitsPerSecond, int burst) {
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
    }

    public double getPermitsPerSecond() {
        return permitsPerSecond;
    }

    public int getBurst() {
        return burst;
    }
}
