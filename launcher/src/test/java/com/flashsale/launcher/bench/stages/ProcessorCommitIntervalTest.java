package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorCommitIntervalTest {

    @TempDir
    Path directory;

    @Test
    void defaultComesFromConfigLine() {
        String yaml = "stateDir: x\ncommitIntervalMs: ${PROCESSOR_COMMIT_INTERVAL_MS:-250}\nnumStreamThreads: 1\n";

        assertThat(ProcessorCommitInterval.fromConfig(yaml, "config.yml")).isEqualTo(250);
    }

    @Test
    void environmentOverridesConfig() throws IOException {
        Path config = Files.writeString(directory.resolve("config.yml"),
                "commitIntervalMs: ${PROCESSOR_COMMIT_INTERVAL_MS:-100}\n");

        assertThat(ProcessorCommitInterval.read(config, Map.of("PROCESSOR_COMMIT_INTERVAL_MS", "30"))).isEqualTo(30);
        assertThat(ProcessorCommitInterval.read(config, Map.of())).isEqualTo(100);
    }

    @Test
    void shippedProcessorConfigHasReadableDefault() throws IOException {
        Path config = Path.of(System.getProperty("user.dir")).resolveSibling("stream-processor").resolve("config.yml");

        assertThat(ProcessorCommitInterval.read(config, Map.of())).isPositive();
    }

    @Test
    void missingLineIsReported() {
        assertThatThrownBy(() -> ProcessorCommitInterval.fromConfig("numStreamThreads: 1\n", "config.yml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("config.yml");
    }

    @Test
    void nonPositiveValueIsRejected() {
        assertThatThrownBy(() -> ProcessorCommitInterval.read(directory.resolve("absent.yml"),
                Map.of("PROCESSOR_COMMIT_INTERVAL_MS", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'0'");
    }
}
