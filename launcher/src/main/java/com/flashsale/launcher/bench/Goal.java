package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A target of the benchmark and the value the run measured against it.
 *
 * @param name      what is compared, for example {@code ingest / baseline throughput}
 * @param target    the target value
 * @param actual    the measured value, NaN when the stage did not run
 * @param atMost    true when the actual value must stay at or below the target (a latency), false
 *                  when it must reach it (a ratio)
 */
public record Goal(String name, double target, double actual, boolean atMost) {

    @JsonProperty
    public boolean met() {
        if (Double.isNaN(actual)) {
            return false;
        }
        return atMost ? actual <= target : actual >= target;
    }
}
