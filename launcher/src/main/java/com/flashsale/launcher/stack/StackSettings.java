package com.flashsale.launcher.stack;

import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.KafkaLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the embedded stack finds its jars and keeps its data.
 *
 * @param repositoryRoot the checkout that holds {@code <module>/target/<module>.jar} and {@code <module>/config.yml}
 * @param dataDirectory Kafka's data, the read-model database, the Streams state, the logs and the JWT secret
 * @param kafkaLib the broker's classpath, from the embedded-kafka build
 * @param partitions of every topic
 * @param healthTimeout how long each service may take to report healthy
 * @param processorTimings hold and retry delays for the processor; empty for its config.yml defaults
 * @param services the services to start, always in the order of {@link Service}; Kafka always starts
 * @param extraEnvironment variables added to a service's environment, replacing the stack's own
 *        value of the same name
 */
public record StackSettings(
        Path repositoryRoot,
        Path dataDirectory,
        Path kafkaLib,
        StackPorts ports,
        String topicPrefix,
        int partitions,
        Duration healthTimeout,
        Optional<ProcessorTimings> processorTimings,
        Set<Service> services,
        Map<Service, Map<String, String>> extraEnvironment) {

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
        services = services.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(services));
        extraEnvironment = copyEnvironment(extraEnvironment);
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /** Settings that start every service with only the stack's own environment. */
    public StackSettings(Path repositoryRoot, Path dataDirectory, Path kafkaLib, StackPorts ports, String topicPrefix,
            int partitions, Duration healthTimeout, Optional<ProcessorTimings> processorTimings) {
        this(repositoryRoot, dataDirectory, kafkaLib, ports, topicPrefix, partitions, healthTimeout, processorTimings,
                EnumSet.allOf(Service.class), Map.of());
    }

    /** Default ports and data in {@code .flashsale} under the repository root. */
    public static StackSettings defaults(Path repositoryRoot) {
        return new StackSettings(repositoryRoot, repositoryRoot.resolve(DATA_DIRECTORY_NAME), KafkaLibrary.locate(),
                StackPorts.defaults(), Topics.DEFAULT_PREFIX, DEFAULT_PARTITIONS, DEFAULT_HEALTH_TIMEOUT, Optional.empty());
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, newPorts, topicPrefix, partitions,
                healthTimeout, processorTimings, services, extraEnvironment);
    }

    public StackSettings withDataDirectory(Path newDataDirectory) {
        return new StackSettings(repositoryRoot, newDataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, processorTimings, services, extraEnvironment);
    }

    public StackSettings withProcessorTimings(ProcessorTimings timings) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, Optional.of(timings), services, extraEnvironment);
    }

    /** Returns these settings with only {@code startedServices} started, such as the ingest service alone. */
    public StackSettings withServices(Set<Service> startedServices) {
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, processorTimings, startedServices, extraEnvironment);
    }

    /** Returns these settings with {@code variables} added to the environment of {@code service}. */
    public StackSettings withEnvironment(Service service, Map<String, String> variables) {
        Map<Service, Map<String, String>> merged = new EnumMap<>(Service.class);
        merged.putAll(extraEnvironment);
        Map<String, String> serviceVariables = new LinkedHashMap<>(extraEnvironment.getOrDefault(service, Map.of()));
        serviceVariables.putAll(variables);
        merged.put(service, serviceVariables);
        return new StackSettings(repositoryRoot, dataDirectory, kafkaLib, ports, topicPrefix, partitions,
                healthTimeout, processorTimings, services, merged);
    }

    private static Map<Service, Map<String, String>> copyEnvironment(Map<Service, Map<String, String>> environment) {
        Map<Service, Map<String, String>> copy = new EnumMap<>(Service.class);
        environment.forEach((service, variables) -> copy.put(service, Map.copyOf(variables)));
        return Collections.unmodifiableMap(copy);
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
