package com.flashsale.launcher.bench.stages;

import java.util.OptionalDouble;

/**
 * Turns observations of a growing count (records decided, rows written) into a rate. The window
 * opens at the first observation with a count above zero and closes at the first one that reaches
 * the target. Only the records counted between the two divide the elapsed time, so a process's
 * start-up, its group join and its first transaction fall outside the measurement.
 *
 * <p>Not thread-safe: one thread observes.
 */
final class ProgressWindow {

    private final long target;
    private long firstNanos;
    private long firstCount = -1;
    private long lastNanos;
    private long lastCount;

    /** @param target the count at which the measurement ends */
    ProgressWindow(long target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be at least 1, got " + target);
        }
        this.target = target;
    }

    /** Records that {@code count} was reached at {@code nanos} (from {@link System#nanoTime()}). */
    void observe(long nanos, long count) {
        if (count <= 0 || isComplete()) {
            return;
        }
        if (firstCount < 0) {
            firstNanos = nanos;
            firstCount = count;
        }
        lastNanos = nanos;
        lastCount = count;
    }

    boolean isComplete() {
        return lastCount >= target;
    }

    long lastCount() {
        return lastCount;
    }

    long target() {
        return target;
    }

    /**
     * Returns the count per second between the first observation and completion, or empty when
     * the window is not complete or the target was already reached at the first observation.
     */
    OptionalDouble perSecond() {
        if (!isComplete() || lastNanos <= firstNanos) {
            return OptionalDouble.empty();
        }
        double seconds = (lastNanos - firstNanos) / 1e9;
        return OptionalDouble.of((target - firstCount) / seconds);
    }
}
