package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.launcher.bench.stages.PerfToolOutput.ConsumerSummary;
import com.flashsale.launcher.bench.stages.PerfToolOutput.ProducerSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses lines captured from kafka-tools 4.4.0 runs against the embedded broker. */
class PerfToolOutputTest {

    private static final String PRODUCER_SUMMARY = "200000 records sent, 57686.760888 records/sec (13.75 MB/sec),"
            + " 1155.88 ms avg latency, 1468.00 ms max latency, 1291 ms 50th, 1426 ms 95th, 1451 ms 99th,"
            + " 1467 ms 99.9th.";

    private static final String CONSUMER_HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec,"
            + " data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";

    private static final String CONSUMER_VALUES = "2026-12-04 23:39:01:099, 2026-12-04 23:39:02:785, 47.6837,"
            + " 28.2822, 200000, 118623.9620, 803, 883, 54.0019, 226500.5663";

    @Test
    void producerSummaryGivesRateAndP99() {
        ProducerSummary summary = PerfToolOutput.parseProducer(List.of(
                "SLF4J: No SLF4J providers were found.",
                PRODUCER_SUMMARY));

        assertThat(summary.records()).isEqualTo(200_000);
        assertThat(summary.recordsPerSecond()).isEqualTo(57686.760888);
        assertThat(summary.p99Ms()).isEqualTo(1451.0);
    }

    private static final String PRODUCER_PROGRESS = "22524 records sent, 4500.3 records/sec (0.73 MB/sec),"
            + " 887.1 ms avg latency, 3407.0 ms max latency.";

    @Test
    void producerSummaryFollowsProgressLines() {
        ProducerSummary summary = PerfToolOutput.parseProducer(List.of(PRODUCER_PROGRESS, PRODUCER_SUMMARY));

        assertThat(summary.records()).isEqualTo(200_000);
        assertThat(summary.recordsPerSecond()).isEqualTo(57686.760888);
    }

    @Test
    void producerProgressLinesAreNotTheSummary() {
        assertThatThrownBy(() -> PerfToolOutput.parseProducer(List.of(PRODUCER_PROGRESS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("producer");
    }

    @Test
    void consumerTableGivesFetchRate() {
        ConsumerSummary summary = PerfToolOutput.parseConsumer(List.of(CONSUMER_HEADER, CONSUMER_VALUES));

        assertThat(summary.records()).isEqualTo(200_000);
        assertThat(summary.recordsPerSecond()).isEqualTo(226500.5663);
    }

    @Test
    void consumerHeaderWithoutValuesIsReported() {
        assertThatThrownBy(() -> PerfToolOutput.parseConsumer(List.of(CONSUMER_HEADER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetch.nMsg.sec");
    }
}
