package com.flashsale.launcher.bench.load;

import java.time.Duration;

/**
 * When each request of an open-loop step is due: request {@code i} at {@code start + i / rate},
 * however late the responses to earlier requests are. The times come from the index, not from the
 * previous request, so rounding errors do not add up over a step.
 *
 * @param startNanos    {@link System#nanoTime()} value at which request 0 is due
 * @param ratePerSecond requests per second, above zero
 * @param count         requests in the step
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long count) {

    private static final double NANOS_PER_SECOND = 1e9;

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("The rate must be a positive number of requests per second, got "
                    + ratePerSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("The request count must not be negative, got " + count);
        }
    }

    /** Creates a schedule of {@code ratePerSecond} requests per second for {@code duration}, rounded to whole requests. */
    public static OpenLoopSchedule of(long startNanos, double ratePerSecond, Duration duration) {
        long count = Math.round(ratePerSecond * duration.toNanos() / NANOS_PER_SECOND);
        return new OpenLoopSchedule(startNanos, ratePerSecond, count);
    }

    /** Returns the {@link System#nanoTime()} value at which request {@code index} is due. */
    public long dueAt(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("Request " + index + " is outside the schedule of " + count);
        }
        return startNanos + Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    /** Returns the time at which the step's window ends: one interval after the last request is due. */
    public long endNanos() {
        return startNanos + Math.round(count * NANOS_PER_SECOND / ratePerSecond);
    }
}
