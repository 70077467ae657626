package com.flashsale.processor.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings that change what the topology decides or creates.
 *
 * @param partitions partition count of the repartition topics. It must equal that of the input
 *     topics, so that a skuId lands on the same task through either path.
 * @param holdDuration how long a reservation holds its units before it expires
 * @param maxQuantityPerOrder largest quantity one order may ask for
 */
public record TopologySettings(int partitions, Duration holdDuration, int maxQuantityPerOrder) {

    public static final int DEFAULT_PARTITIONS = 3;
    public static final Duration DEFAULT_HOLD_DURATION = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_QUANTITY_PER_ORDER = 10;

    public TopologySettings {
        Objects.requireNonNull(holdDuration, "holdDuration");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (holdDuration.isNegative() || holdDuration.isZero()) {
            throw new IllegalArgumentException("holdDuration must be positive, was " + holdDuration);
        }
        if (maxQuantityPerOrder < 1) {
            throw new IllegalArgumentException("maxQuantityPerOrder must be at least 1, was " + maxQuantityPerOrder);
        }
    }

    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_PARTITIONS, DEFAULT_HOLD_DURATION, DEFAULT_MAX_QUANTITY_PER_ORDER);
    }
}
