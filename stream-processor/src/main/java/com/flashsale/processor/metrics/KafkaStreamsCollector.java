package com.flashsale.processor.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reads the Kafka Streams metrics an operator needs at each scrape and exposes them as Prometheus
 * series. Values of all threads and tasks are summed, except the lag, which is their maximum:
 * <ul>
 *   <li>{@code flashsale_processor_outcomes_total{event, reason}}: order events emitted;</li>
 *   <li>{@code flashsale_processor_records_total{processor, counter}}: the processors' other counters,
 *       such as {@code retry-scheduled} and {@code dead-lettered};</li>
 *   <li>{@code flashsale_processor_dropped_records_total}: records the built-in exception handlers sent
 *       to the dead-letter topic or dropped;</li>
 *   <li>{@code flashsale_processor_records_lag_max}: the consumers' maximum record lag of any partition.</li>
 * </ul>
 */
public final class KafkaStreamsCollector implements MultiCollector {

    /** Group of the processors' own sensors: "stream-" + scope + "-metrics". */
    static final String FLASHSALE_GROUP = "stream-flashsale-metrics";
    static final String TASK_GROUP = "stream-task-metrics";
    static final String CONSUMER_FETCH_GROUP = "consumer-fetch-manager-metrics";

    /** Tags that {@code OutcomeCounter} puts on outcome sensors; the processor tag is the Streams entity tag. */
    private static final String EVENT_TAG = "event";
    private static final String REASON_TAG = "reason";
    private static final String PROCESSOR_TAG = "flashsale-id";

    private static final String TOTAL_SUFFIX = "-total";

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;

    /** @param metrics usually {@code KafkaStreams::metrics}, which is safe to call from any thread */
    public KafkaStreamsCollector(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        this.metrics = metrics;
    }

    @Override
    public MetricSnapshots collect() {
        Map<Labels, Double> outcomes = new TreeMap<>();
        Map<Labels, Double> records = new TreeMap<>();
        double dropped = 0;
        double lagMax = Double.NaN;

        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
            MetricName name = entry.getKey();
            double value = numeric(entry.getValue().metricValue());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            Map<String, String> tags = name.tags();
            if (FLASHSALE_GROUP.equals(name.group()) && name.name().endsWith(TOTAL_SUFFIX)) {
                if (tags.containsKey(EVENT_TAG)) {
                    outcomes.merge(Labels.of("event", tags.get(EVENT_TAG), "reason", tags.getOrDefault(REASON_TAG, "")),
                            value, Double::sum);
                } else {
                    String counter = name.name().substring(0, name.name().length() - TOTAL_SUFFIX.length());
                    records.merge(Labels.of("counter", counter, "processor", tags.getOrDefault(PROCESSOR_TAG, "")),
                            value, Double::sum);
                }
            } else if (TASK_GROUP.equals(name.group()) && name.name().equals("dropped-records-total")) {
                dropped += value;
            } else if (CONSUMER_FETCH_GROUP.equals(name.group()) && name.name().equals("records-lag-max")
                    && !tags.containsKey("topic")) {
                lagMax = Double.isNaN(lagMax) ? value : Math.max(lagMax, value);
            }
        }

        return MetricSnapshots.of(
                counter("flashsale_processor_outcomes", "Order events emitted, by event type and rejection reason",
                        outcomes),
                counter("flashsale_processor_records", "Records counted by the processors, by counter", records),
                counter("flashsale_processor_dropped_records",
                        "Records the Kafka Streams exception handlers dead-lettered or dropped",
                        Map.of(Labels.EMPTY, dropped)),
                GaugeSnapshot.builder()
                        .name("flashsale_processor_records_lag_max")
                        .help("Maximum record lag of any input partition over the last sample window; 0 before the first fetch")
                        .dataPoint(GaugeDataPointSnapshot.builder().value(Double.isNaN(lagMax) ? 0 : lagMax).build())
                        .build());
    }

    private static CounterSnapshot counter(String name, String help, Map<Labels, Double> values) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        values.forEach((labels, value) ->
                builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value).build()));
        return builder.build();
    }

    private static double numeric(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
