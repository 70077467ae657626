package com.flashsale.projection.consumer;

import com.flashsale.common.metrics.PrometheusEndpoint;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The projection's Prometheus series: how long each batch takes to apply, how old each event is
 * when it is applied, and the consumer's record lag.
 */
public final class ProjectionMetrics {

    private final Clock clock;
    private final Histogram batchApply;
    private final Histogram eventLag;

    public ProjectionMetrics(PrometheusRegistry registry, Clock clock) {
        this.clock = clock;
        this.batchApply = PrometheusEndpoint.secondsHistogram(registry, "flashsale_projection_batch_apply",
                "Time to apply one polled batch in its database transaction");
        this.eventLag = PrometheusEndpoint.secondsHistogram(registry, "flashsale_projection_event_lag",
                "Time from an event's occurredAt to the commit of the batch that applied it");
    }

    /** Registers gauges that read the consumer's lag from its status at each scrape. */
    public static void registerLagGauges(PrometheusRegistry registry, ConsumerStatus status) {
        GaugeWithCallback.builder()
                .name("flashsale_projection_consumer_lag_records")
                .help("Records behind the end of the assigned partitions, summed, as of the last applied poll")
                .callback(callback -> callback.call(status.recordsLag()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("flashsale_projection_consumer_records_lag_max")
                .help("The consumer's records-lag-max: the largest lag of one partition in its sample window")
                .callback(callback -> callback.call(status.recordsLagMax()))
                .register(registry);
    }

    Clock clock() {
        return clock;
    }

    void observeBatch(long startNanos, long endNanos, List<Instant> occurredAt) {
        batchApply.observe((endNanos - startNanos) / 1e9);
        Instant applied = clock.instant();
        for (Instant time : occurredAt) {
            eventLag.observe(Math.max(0, applied.toEpochMilli() - time.toEpochMilli()) / 1e3);
        }
    }
}
