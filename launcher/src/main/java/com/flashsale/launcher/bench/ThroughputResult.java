package com.flashsale.launcher.bench;

/**
 * A throughput measurement of a stage against its baseline on the same records.
 *
 * @param name        the case, for example {@code reservation, 64 SKUs}
 * @param unit        what is counted per second, for example {@code events/s}
 * @param records     how many records each side processed
 * @param throughput  records per second of the stage and of its baseline
 * @param description how the baseline was run, one line
 */
public record ThroughputResult(String name, String unit, long records, Comparison throughput, String description) {
}
