package com.flashsale.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several KRaft nodes on 127.0.0.1, each a combined broker and controller in its own process with
 * its own data directory, forming one quorum. Fault tests use it to kill, restart and freeze single
 * brokers while clients keep running.
 *
 * <p>Not thread-safe: one owner starts, breaks and stops it.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Map<Integer, KafkaBroker> brokers;
    private final Set<Integer> paused = new HashSet<>();
    private Admin admin;

    private KafkaCluster(Map<Integer, KafkaBroker> brokers) {
        this.brokers = brokers;
    }

    /**
     * Plans a cluster of {@code size} nodes with ids 1 to {@code size} on free ports, each in
     * {@code dataDirectory/node-<id>}, with topics replicated to every node.
     */
    public static KafkaCluster onFreePorts(Path dataDirectory, int size, Path kafkaLib, Duration startTimeout) {
        if (size < 3) {
            throw new IllegalArgumentException("A cluster that survives the loss of a node needs at least 3 nodes, got "
                    + size);
        }
        List<Integer> ports = Ports.findFree(2 * size);
        String voters = IntStream.rangeClosed(1, size)
                .mapToObj(id -> id + "@" + Ports.LOOPBACK + ":" + ports.get(size + id - 1))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        Map<Integer, KafkaBroker> brokers = new LinkedHashMap<>();
        for (int id = 1; id <= size; id++) {
            BrokerSettings settings = new BrokerSettings(dataDirectory.resolve("node-" + id), Ports.LOOPBACK,
                    ports.get(id - 1), ports.get(size + id - 1), kafkaLib, startTimeout);
            brokers.put(id, new KafkaBroker(settings, new QuorumMember(id, voters, clusterId, size)));
        }
        return new KafkaCluster(brokers);
    }

    /** Launches every node, then waits until each responds. On failure it stops what it started. */
    public void start() {
        try {
            brokers.values().forEach(KafkaBroker::launch);
            brokers.values().forEach(KafkaBroker::awaitReady);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        LOG.info("Kafka cluster is ready bootstrapServers={}", bootstrapServers());
    }

    /** Returns every node's client listener, so that clients reach the cluster while any one node is down. */
    public String bootstrapServers() {
        return brokers.values().stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public Set<Integer> nodeIds() {
        return brokers.keySet();
    }

    public KafkaBroker broker(int nodeId) {
        KafkaBroker broker = brokers.get(nodeId);
        if (broker == null) {
            throw new IllegalArgumentException("No node " + nodeId + " in the cluster; nodes are " + nodeIds());
        }
        return broker;
    }

    /**
     * Returns the node id of the current leader of {@code topic}'s {@code partition}, as the
     * controller's metadata states it.
     *
     * @throws IllegalStateException when the partition has no leader right now
     */
    public int leaderOf(String topic, int partition) {
        TopicPartitionInfo info = describe(topic).partitions().get(partition);
        Node leader = info.leader();
        if (leader == null || leader.isEmpty()) {
            throw new IllegalStateException("Partition " + topic + "-" + partition + " has no leader");
        }
        return leader.id();
    }

    /** Kills node {@code nodeId} with SIGKILL; its data directory stays for {@link #restart}. */
    public void kill(int nodeId) {
        LOG.info("Killing Kafka node nodeId={} pid={}", nodeId, broker(nodeId).pid());
        broker(nodeId).kill();
        paused.remove(nodeId);
    }

    /** Starts a killed node again on its old ports and data, and waits until it responds. */
    public void restart(int nodeId) {
        LOG.info("Restarting Kafka node nodeId={}", nodeId);
        broker(nodeId).start();
    }

    /** Freezes node {@code nodeId} with SIGSTOP. */
    public void pause(int nodeId) {
        broker(nodeId).pause();
        paused.add(nodeId);
    }

    /** Continues a node that {@link #pause} froze, with SIGCONT. */
    public void resume(int nodeId) {
        broker(nodeId).resume();
        paused.remove(nodeId);
    }

    /**
     * Waits until every partition of {@code topics} has all its replicas in sync again, so that the
     * next fault starts from a healthy cluster instead of one node short.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void awaitFullInSyncReplicas(Collection<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lagging = List.of();
        while (System.nanoTime() < deadline) {
            lagging = underReplicated(topics);
            if (lagging.isEmpty()) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("Partitions still under-replicated after " + timeout.toSeconds() + " s: "
                + lagging);
    }

    /** Resumes paused nodes, then stops every node with SIGTERM. Safe to call more than once. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close(ADMIN_TIMEOUT);
            admin = null;
        }
        for (int nodeId : List.copyOf(paused)) {
            resume(nodeId);
        }
        // All at once: the last node stopped alone would wait for a quorum that is already gone.
        brokers.values().forEach(KafkaBroker::beginStop);
        brokers.values().forEach(KafkaBroker::stop);
    }

    private List<String> underReplicated(Collection<String> topics) {
        List<String> lagging = new ArrayList<>();
        try {
            Map<String, TopicDescription> descriptions = requireAdmin().describeTopics(topics).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (TopicDescription description : descriptions.values()) {
                for (TopicPartitionInfo info : description.partitions()) {
                    if (info.isr().size() < info.replicas().size()) {
                        lagging.add(description.name() + "-" + info.partition());
                    }
                }
            }
            return lagging;
        } catch (ExecutionException | TimeoutException e) {
            // The metadata request failed during a failover; the caller asks again.
            return List.of("(describeTopics failed: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topics", e);
        }
    }

    private TopicDescription describe(String topic) {
        try {
            return requireAdmin().describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        }
    }

    private Admin requireAdmin() {
        if (admin == null) {
            throw new IllegalStateException("The Kafka cluster has not been started");
        }
        return admin;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka cluster", e);
        }
    }
}
