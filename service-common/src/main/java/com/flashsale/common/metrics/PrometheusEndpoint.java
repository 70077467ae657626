package com.flashsale.common.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves a service's metrics in the Prometheus text format at {@code /metrics} on the admin port.
 * The exposition contains three sources: Dropwizard's own {@code MetricRegistry} (Jetty responses by
 * status class, request timers, the services' meters and gauges) through the Prometheus Dropwizard
 * bridge, the JVM collectors, and the Prometheus-native counters and histograms a service registers
 * in the returned registry.
 */
public final class PrometheusEndpoint {

    /** Admin path of the exposition; it takes precedence over the JSON metrics of Dropwizard's admin servlet. */
    public static final String PATH = "/metrics";

    /** Bucket bounds in seconds for request, batch and lag latencies, from 1 ms to 60 s. */
    private static final double[] LATENCY_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
    };

    private PrometheusEndpoint() {
    }

    /** Registers the bridges and the servlet, and returns the registry for the service's own metrics. */
    public static PrometheusRegistry install(Environment environment) {
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(registry);
        JvmMetrics.builder().register(registry);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping(PATH);
        return registry;
    }

    /** Registers a counter; Prometheus appends {@code _total} to the name in the exposition. */
    public static Counter counter(PrometheusRegistry registry, String name, String help, String... labelNames) {
        return Counter.builder().name(name).help(help).labelNames(labelNames).register(registry);
    }

    /** Registers a histogram in seconds with buckets from 1 ms to 60 s. */
    public static Histogram secondsHistogram(PrometheusRegistry registry, String name, String help,
                                             String... labelNames) {
        return Histogram.builder()
                .name(name)
                .help(help)
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .classicUpperBounds(LATENCY_BUCKETS)
                .classicOnly()
                .labelNames(labelNames)
                .register(registry);
    }
}
