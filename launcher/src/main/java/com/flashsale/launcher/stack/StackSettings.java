package com.flashsale.launcher.stack;

import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.KafkaLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the embedded stack finds its jars and keeps its data.
 *
 * @param repositoryRoot the checkout that holds {@code <module>/target/<module>.jar} and {@code <module>/config.yml}
 * @param dataDirectory Kafka's data, the read-model database, the Streams state, the logs and the JWT secret
 * @param kafkaLib the broker's classpath, from the embedded-kafka build
 * @param partitions of every topic
 * @param healthTimeout how long each service may take to report healthy
 * @param processorTimings hold and retry delays for the processor; empty for its config.yml defaults
 */
public record StackSettings(
        Path repositoryRoot,
        Path dataDirectory,
        Path kafkaLib,
        StackPorts ports,
        String topicPrefix,
        int partitions,
        Duration healthTimeout,
        Optional<ProcessorTimings> processorTimings) {

    public static final String DATA_DIRECTORY_NAME = ".flashsale";
    public static final int DEFAULT_PARTITIONS = 3;
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(90);

    public StackSettings {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(kafkaLib, "kafkaLib");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(processorTimings, "processorTimings");
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** Default ports and data in {@code .flashsale} under the repository root. */
    public static StackSettings defaults(Path repositoryRoot) {
        return new StackSettings(repositoryRoot, repositoryRoot.resolve(DATA_DIRECTORY_NAME), KafkaLibrary.locate(),
                StackPorts.defaults(), Topics.DEFAULT_PREFIX, DEFAULT_PARTITIONS, DEFAULT_HEALTH_TIMEOUT, Optional.empty());
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, newPorts, topicPrefix, partitions,
                healthTimeout, processorTimings);
    }

    public StackSettings withDataDirectory(Path newDataDirectory) {
        return new StackSettings(repositoryRoot, newDataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, processorTimings);
    }

    public StackSettings withProcessorTimings(ProcessorTimings timings) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, Optional.of(timings));
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    public Path jwtSecretFile() {
        return dataDirectory.resolve("jwt-secret");
    }

    public String ingestUrl() {
        return "http://127.0.0.1:" + ports.ingest();
    }

    public String projectionUrl() {
        return "http://127.0.0.1:" + ports.projection();
    }
}
