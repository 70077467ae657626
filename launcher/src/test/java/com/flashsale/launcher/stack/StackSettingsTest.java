package com.flashsale.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultSettingsStartEveryService() {
        assertThat(settings().services()).containsExactlyInAnyOrder(Service.values());
        assertThat(settings().extraEnvironment()).isEmpty();
    }

    @Test
    void extraEnvironmentReachesOnlyItsService() {
        StackSettings settings = settings()
                .withEnvironment(Service.INGEST_SERVICE, Map.of("INGEST_BENCHMARK_BASELINE", "true"));

        Map<String, String> ingest = ServiceEnvironment.of(Service.INGEST_SERVICE, settings, "127.0.0.1:9092", "secret");
        Map<String, String> projection = ServiceEnvironment.of(Service.PROJECTION_SERVICE, settings, "127.0.0.1:9092",
                "secret");

        assertThat(ingest).containsEntry("INGEST_BENCHMARK_BASELINE", "true");
        assertThat(ingest).containsEntry("INGEST_PORT", "8080");
        assertThat(projection).doesNotContainKey("INGEST_BENCHMARK_BASELINE");
    }

    @Test
    void extraEnvironmentReplacesStackValue() {
        StackSettings settings = settings()
                .withEnvironment(Service.INGEST_SERVICE, Map.of("INGEST_ADDRESS_BURST", "10"))
                .withEnvironment(Service.INGEST_SERVICE, Map.of("PROJECTION_PUBLIC_URL", "http://127.0.0.1:1"));

        Map<String, String> ingest = ServiceEnvironment.of(Service.INGEST_SERVICE, settings, "127.0.0.1:9092", "secret");

        assertThat(ingest).containsEntry("PROJECTION_PUBLIC_URL", "http://127.0.0.1:1");
        assertThat(ingest).containsEntry("INGEST_ADDRESS_BURST", "10");
    }

    @Test
    void servicesSurviveOtherChanges() {
        StackSettings settings = settings()
                .withServices(EnumSet.of(Service.INGEST_SERVICE))
                .withPorts(StackPorts.fromBase(18070))
                .withDataDirectory(Path.of("/tmp/stack"));

        assertThat(settings.services()).containsExactly(Service.INGEST_SERVICE);
    }

    private static StackSettings settings() {
        return new StackSettings(Path.of("/repo"), Path.of("/repo/.flashsale"), Path.of("/repo/kafka-lib"),
                StackPorts.defaults(), "flashsale.", 3, Duration.ofSeconds(90), Optional.empty());
    }
}
