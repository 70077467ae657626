package com.flashsale.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the broker's server.properties and log4j2 configuration into its data directory. */
final class BrokerFiles {

    private static final String LISTENER_NAME = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER_NAME = "CONTROLLER";

    private BrokerFiles() {
    }

    static void write(BrokerSettings settings) throws IOException {
        Files.createDirectories(settings.logDirectory());
        Files.write(settings.propertiesFile(), serverProperties(settings));
        Files.write(settings.logConfigFile(), logConfiguration());
    }

    static List<String> serverProperties(BrokerSettings settings) {
        String host = settings.host();
        String controller = host + ":" + settings.controllerPort();
        return List.of(
                "# Written by the embedded-kafka module on every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "listeners=" + LISTENER_NAME + "://" + host + ":" + settings.clientPort()
                        + "," + CONTROLLER_LISTENER_NAME + "://" + controller,
                "advertised.listeners=" + LISTENER_NAME + "://" + host + ":" + settings.clientPort(),
                "controller.listener.names=" + CONTROLLER_LISTENER_NAME,
                "inter.broker.listener.name=" + LISTENER_NAME,
                "listener.security.protocol.map=" + LISTENER_NAME + ":PLAINTEXT," + CONTROLLER_LISTENER_NAME + ":PLAINTEXT",
                "log.dirs=" + settings.logDirectory(),
                // A single broker cannot hold three replicas of the internal topics: with the default
                // factor of 3 consumer groups and transactions never start.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Fewer partitions than the default 50 make the first consumer group and the first
                // transaction on a fresh data directory start faster; one broker gains nothing from 50.
                "offsets.topic.num.partitions=10",
                "transaction.state.log.num.partitions=10",
                // The default waits 3 s for more members before the first rebalance of every group.
                "group.initial.rebalance.delay.ms=0",
                // Topics come from TopicSetup with the right partitions and retention, never by accident.
                "auto.create.topics.enable=false");
    }

    private static List<String> logConfiguration() {
        return List.of(
                "status = warn",
                "appender.stdout.type = Console",
                "appender.stdout.name = STDOUT",
                "appender.stdout.layout.type = PatternLayout",
                "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRefs = stdout",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.stateChange.name = state.change.logger",
                "logger.stateChange.level = WARN");
    }
}
