package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The steps of an open-loop load at rising rates, against one endpoint.
 *
 * @param endpoint what was loaded, for example {@code POST /v1/orders}
 * @param points   one step per offered rate, in the order they ran
 */
public record RateSweep(String endpoint, List<LatencyPoint> points) {

    /** A step is sustained when it kept up with the offered rate within this share. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;

    /** ... with at most this share of errors. */
    public static final double MAX_ERROR_SHARE = 0.01;

    /** ... and a 99th percentile below this, in milliseconds. */
    public static final double MAX_P99_MS = 1_000;

    public RateSweep {
        points = List.copyOf(points);
    }

    /**
     * Returns the highest achieved rate among the sustained steps, or 0 when none was sustained.
     * A step is sustained when it achieved at least {@link #MIN_ACHIEVED_SHARE} of its offered
     * rate, failed at most {@link #MAX_ERROR_SHARE} of its requests and kept its p99 under
     * {@link #MAX_P99_MS}.
     */
    @JsonProperty
    public double maxSustainablePerSecond() {
        return points.stream()
                .filter(p -> p.achievedPerSecond() >= MIN_ACHIEVED_SHARE * p.offeredPerSecond())
                .filter(p -> p.errorShare() <= MAX_ERROR_SHARE)
                .filter(p -> p.p99Ms() <= MAX_P99_MS)
                .mapToDouble(LatencyPoint::achievedPerSecond)
                .max()
                .orElse(0);
    }
}
