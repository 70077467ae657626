package com.flashsale.launcher.bench.stages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of the output of Kafka's producer and consumer performance tools (kafka-tools 4.4.0). */
final class PerfToolOutput {

    /**
     * The producer tool's summary line. Progress lines during the run have the same start but no
     * percentiles, so the 99th percentile picks the summary.
     */
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "^(\\d+) records sent, ([\\d.]+) records/sec \\(.*, ([\\d.]+) ms 99th,.*$");

    /** The consumer tool's column of records per second while fetching, which leaves out the group join. */
    static final String CONSUMER_RATE_COLUMN = "fetch.nMsg.sec";
    static final String CONSUMER_COUNT_COLUMN = "data.consumed.in.nMsg";

    /**
     * The producer tool's totals.
     *
     * @param records          records sent
     * @param recordsPerSecond over the whole run
     * @param p99Ms            99th percentile of the time from send to acknowledgement
     */
    record ProducerSummary(long records, double recordsPerSecond, double p99Ms) {
    }

    /**
     * The consumer tool's totals.
     *
     * @param records          records consumed
     * @param recordsPerSecond while fetching, without the time to join the group
     */
    record ConsumerSummary(long records, double recordsPerSecond) {
    }

    private PerfToolOutput() {
    }

    /** @throws IllegalArgumentException when no line is the producer tool's summary */
    static ProducerSummary parseProducer(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = PRODUCER_SUMMARY.matcher(lines.get(i).trim());
            if (matcher.matches()) {
                return new ProducerSummary(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                        Double.parseDouble(matcher.group(3)));
            }
        }
        throw new IllegalArgumentException("No summary line (\"... records sent, ... ms 99th, ...\") in the output"
                + " of the producer performance tool");
    }

    /**
     * Reads the consumer tool's table: a header line of comma-separated column names and the line
     * of values after it.
     *
     * @throws IllegalArgumentException when the header or its values are missing
     */
    static ConsumerSummary parseConsumer(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).contains(CONSUMER_RATE_COLUMN)) {
                continue;
            }
            String[] names = lines.get(i).trim().split(",\\s*");
            String[] values = lines.get(i + 1).trim().split(",\\s*");
            if (values.length != names.length || !List.of(names).contains(CONSUMER_COUNT_COLUMN)) {
                break;
            }
            Map<String, String> row = new HashMap<>();
            for (int column = 0; column < names.length; column++) {
                row.put(names[column], values[column]);
            }
            return new ConsumerSummary(Long.parseLong(row.get(CONSUMER_COUNT_COLUMN)),
                    Double.parseDouble(row.get(CONSUMER_RATE_COLUMN)));
        }
        throw new IllegalArgumentException("No header with " + CONSUMER_RATE_COLUMN + " and " + CONSUMER_COUNT_COLUMN
                + " followed by its values in the output of the consumer performance tool");
    }
}
