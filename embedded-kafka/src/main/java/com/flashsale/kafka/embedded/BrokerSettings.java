package com.flashsale.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the embedded broker runs.
 *
 * @param dataDirectory holds the broker's properties, its log file and its partitions; reusing it keeps the data
 * @param host the address that both listeners bind to
 * @param clientPort the port for producers, consumers and admin clients
 * @param controllerPort the KRaft controller's port
 * @param kafkaLib the directory with the broker's jars
 * @param startTimeout how long {@link KafkaBroker#start()} waits for the broker to answer
 */
public record BrokerSettings(
        Path dataDirectory,
        String host,
        int clientPort,
        int controllerPort,
        Path kafkaLib,
        Duration startTimeout) {

    public static final int DEFAULT_CLIENT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public BrokerSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kafkaLib, "kafkaLib");
        Objects.requireNonNull(startTimeout, "startTimeout");
        dataDirectory = dataDirectory.toAbsolutePath();
        kafkaLib = kafkaLib.toAbsolutePath();
    }

    /** Default ports on 127.0.0.1 and the kafka-lib directory found by {@link KafkaLibrary#locate()}. */
    public static BrokerSettings defaults(Path dataDirectory) {
        return new BrokerSettings(dataDirectory, Ports.LOOPBACK, DEFAULT_CLIENT_PORT, DEFAULT_CONTROLLER_PORT,
                KafkaLibrary.locate(), DEFAULT_START_TIMEOUT);
    }

    public BrokerSettings withPorts(int newClientPort, int newControllerPort) {
        return new BrokerSettings(dataDirectory, host, newClientPort, newControllerPort, kafkaLib, startTimeout);
    }

    public BrokerSettings withStartTimeout(Duration newStartTimeout) {
        return new BrokerSettings(dataDirectory, host, clientPort, controllerPort, kafkaLib, newStartTimeout);
    }

    public String bootstrapServers() {
        return host + ":" + clientPort;
    }

    public Path propertiesFile() {
        return dataDirectory.resolve("server.properties");
    }

    public Path logConfigFile() {
        return dataDirectory.resolve("log4j2.properties");
    }

    public Path logFile() {
        return dataDirectory.resolve("broker.log");
    }

    /** The broker's log.dirs: partitions and, after formatting, meta.properties. */
    public Path logDirectory() {
        return dataDirectory.resolve("data");
    }
}
