package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.payment;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.processor.metrics.KafkaStreamsCollector;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeMetricsTest {

    private static final String SKU = "sku-metrics";

    @TempDir
    Path stateDir;

    private TopologyHarness harness;
    private PrometheusRegistry registry;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults());
        registry = new PrometheusRegistry();
        registry.register(new KafkaStreamsCollector(harness.driver::metrics));
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outcomesAreCountedByEventAndReason() throws Exception {
        harness.send(setStock(SKU, 1, 5));
        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE));
        harness.submit(submission("order-2", SKU, "user-2", 1, DURING_SALE));
        harness.send(payment("order-1", "user-1", DURING_SALE.plusSeconds(5)));

        String body = scrape();

        assertThat(body).contains("flashsale_processor_outcomes_total{event=\"OrderReserved\",reason=\"\"} 1.0");
        assertThat(body).contains("flashsale_processor_outcomes_total{event=\"OrderRejected\",reason=\"SOLD_OUT\"} 1.0");
        assertThat(body).contains("flashsale_processor_outcomes_total{event=\"OrderConfirmed\",reason=\"\"} 1.0");
        assertThat(body).doesNotContain("event=\"OrderSubmitted\"");
        assertThat(body).contains("flashsale_processor_dropped_records_total 0.0");
        assertThat(body).contains("flashsale_processor_records_lag_max 0.0");
    }

    @Test
    void retriesAndDeadLettersAreCounted() throws Exception {
        harness.submit(submission("order-1", "sku-without-stock", "user-1", 1, DURING_SALE));
        harness.advanceBySeconds(60);

        String body = scrape();

        assertThat(body).contains("flashsale_processor_outcomes_total{event=\"OrderRetryScheduled\",reason=\"\"} 3.0");
        assertThat(body).contains("flashsale_processor_outcomes_total{event=\"OrderDeadLettered\",reason=\"\"} 1.0");
        assertThat(body).containsPattern(
                "flashsale_processor_records_total\\{counter=\"dead-lettered\",processor=\"[a-z-]+\"} 1.0");
    }
}
