package com.flashsale.launcher.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one step in an HdrHistogram, measured from the moment each request was due, not
 * from when it was sent. A server that stalls makes the requests queued behind the stall late, and
 * their whole wait counts, so the percentiles are corrected for coordinated omission.
 */
public final class LatencyRecorder {

    /** Microseconds from 1 µs to one minute, with three significant digits. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);

    /**
     * Records the time from {@code dueNanos} to {@code doneNanos}; a latency beyond one minute counts
     * as one minute.
     */
    public void record(long dueNanos, long doneNanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(doneNanos - dueNanos));
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Returns the latency at {@code percentile} (0 to 100) in milliseconds, or 0 without records. */
    public double percentileMs(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return 0;
        }
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Returns the highest recorded latency in milliseconds, or 0 without records. */
    public double maxMs() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }
}
