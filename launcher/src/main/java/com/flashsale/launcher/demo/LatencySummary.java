package com.flashsale.launcher.demo;

import java.util.Collection;

/** Latency percentiles in milliseconds, by the nearest-rank method; all zero for no samples. */
public record LatencySummary(int count, double p50Millis, double p99Millis, double maxMillis) {

    public static LatencySummary ofNanos(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LatencySummary(0, 0, 0, 0);
        }
        return new LatencySummary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]));
    }

    /** Returns the nearest-rank percentile: the smallest sample not below {@code percent}% of the samples. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    @Override
    public String toString() {
        return "p50 " + p50Millis + " ms, p99 " + p99Millis + " ms, max " + maxMillis + " ms (" + count + " samples)";
    }

}
