package com.flashsale.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes the broker's server.properties and log4j2 configuration into its data directory. */
final class BrokerFiles {

    private static final String LISTENER_NAME = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER_NAME = "CONTROLLER";

    private BrokerFiles() {
    }

    static void write(BrokerSettings settings, Optional<QuorumMember> member) throws IOException {
        Files.createDirectories(settings.logDirectory());
        List<String> properties = member.map(m -> clusterNodeProperties(settings, m))
                .orElseGet(() -> serverProperties(settings));
        Files.write(settings.propertiesFile(), properties);
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

    /**
     * The properties of one node of a multi-node cluster: a static voter set, and internal topics
     * and new topics with {@code member.replicationFactor()} replicas, so that the cluster keeps
     * accepting acks=all writes while one node is down.
     */
    static List<String> clusterNodeProperties(BrokerSettings settings, QuorumMember member) {
        String host = settings.host();
        String controller = host + ":" + settings.controllerPort();
        String replicas = Integer.toString(member.replicationFactor());
        String minInSync = Integer.toString(member.minInSyncReplicas());
        return List.of(
                "# Written by the embedded-kafka module on every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=" + member.nodeId(),
                "controller.quorum.voters=" + member.voters(),
                "listeners=" + LISTENER_NAME + "://" + host + ":" + settings.clientPort()
                        + "," + CONTROLLER_LISTENER_NAME + "://" + controller,
                "advertised.listeners=" + LISTENER_NAME + "://" + host + ":" + settings.clientPort(),
                "controller.listener.names=" + CONTROLLER_LISTENER_NAME,
                "inter.broker.listener.name=" + LISTENER_NAME,
                "listener.security.protocol.map=" + LISTENER_NAME + ":PLAINTEXT," + CONTROLLER_LISTENER_NAME + ":PLAINTEXT",
                "log.dirs=" + settings.logDirectory(),
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                // A replica that fell behind must never become leader: it would drop acknowledged writes.
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "offsets.topic.num.partitions=10",
                "transaction.state.log.num.partitions=10",
                "group.initial.rebalance.delay.ms=0",
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
