package com.flashsale.processor.topology;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings that change what the topology decides or creates.
 *
 * @param partitions partition count of the repartition topics. It must equal that of the input
 *     topics, so that a skuId lands on the same task through either path.
 * @param holdDuration how long a reservation holds its units before it expires
 * @param maxQuantityPerOrder largest quantity one order may ask for
 * @param retryDelays wall-clock delay before each retry of a record that cannot be processed yet;
 *     the record is dead-lettered when the last retry fails too
 * @param punctuationInterval how often, in wall-clock time, each task looks for due holds and retries
 */
public record TopologySettings(int partitions, Duration holdDuration, int maxQuantityPerOrder,
                               List<Duration> retryDelays, Duration punctuationInterval) {

    public static final int DEFAULT_PARTITIONS = 3;
    public static final Duration DEFAULT_HOLD_DURATION = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_QUANTITY_PER_ORDER = 10;
    public static final List<Duration> DEFAULT_RETRY_DELAYS =
            List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofSeconds(1);

    public TopologySettings {
        Objects.requireNonNull(holdDuration, "holdDuration");
        Objects.requireNonNull(retryDelays, "retryDelays");
        Objects.requireNonNull(punctuationInterval, "punctuationInterval");
        retryDelays = List.copyOf(retryDelays);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        requirePositive("holdDuration", holdDuration);
        if (maxQuantityPerOrder < 1) {
            throw new IllegalArgumentException("maxQuantityPerOrder must be at least 1, was " + maxQuantityPerOrder);
        }
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("retryDelays must name at least one delay");
        }
        retryDelays.forEach(delay -> requirePositive("each of retryDelays", delay));
        requirePositive("punctuationInterval", punctuationInterval);
    }

    public static TopologySettings defaults() {
        return new TopologySettings(DEFAULT_PARTITIONS, DEFAULT_HOLD_DURATION, DEFAULT_MAX_QUANTITY_PER_ORDER,
                DEFAULT_RETRY_DELAYS, DEFAULT_PUNCTUATION_INTERVAL);
    }

    public TopologySettings withHoldDuration(Duration newHoldDuration) {
        return new TopologySettings(partitions, newHoldDuration, maxQuantityPerOrder, retryDelays, punctuationInterval);
    }

    public TopologySettings withMaxQuantityPerOrder(int newMaxQuantityPerOrder) {
        return new TopologySettings(partitions, holdDuration, newMaxQuantityPerOrder, retryDelays, punctuationInterval);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
