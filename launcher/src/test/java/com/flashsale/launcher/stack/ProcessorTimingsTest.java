package com.flashsale.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessorTimingsTest {

    @Test
    void timingsBecomeProcessorEnvironment() {
        ProcessorTimings timings = new ProcessorTimings(Duration.ofSeconds(20),
                List.of(Duration.ofSeconds(1), Duration.ofMillis(2500)));
        StackSettings settings = settings().withProcessorTimings(timings);

        var environment = ServiceEnvironment.of(Service.STREAM_PROCESSOR, settings, "127.0.0.1:9092", "secret");

        assertThat(environment).containsEntry("PROCESSOR_HOLD_DURATION", "20000 milliseconds");
        assertThat(environment).containsEntry("PROCESSOR_RETRY_DELAYS", "1000 milliseconds, 2500 milliseconds");
    }

    @Test
    void withoutTimingsTheProcessorKeepsItsDefaults() {
        StackSettings settings = settings();

        var environment = ServiceEnvironment.of(Service.STREAM_PROCESSOR, settings, "127.0.0.1:9092", "secret");

        assertThat(settings.processorTimings()).isEqualTo(Optional.empty());
        assertThat(environment).doesNotContainKeys("PROCESSOR_HOLD_DURATION", "PROCESSOR_RETRY_DELAYS");
    }

    @Test
    void holdBelowOneSecondIsRejected() {
        assertThatThrownBy(() -> new ProcessorTimings(Duration.ofMillis(500), List.of(Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void basePortGivesEightConsecutivePorts() {
        StackPorts ports = StackPorts.fromBase(18070);

        assertThat(ports.ingest()).isEqualTo(18070);
        assertThat(ports.projection()).isEqualTo(18074);
        assertThat(ports.kafkaController()).isEqualTo(18077);
    }

    private static StackSettings settings() {
        return new StackSettings(Path.of("/repo"), Path.of("/repo/.flashsale"), Path.of("/repo/kafka-lib"),
                StackPorts.defaults(), "flashsale.", 3, Duration.ofSeconds(90), Optional.empty());
    }
}
