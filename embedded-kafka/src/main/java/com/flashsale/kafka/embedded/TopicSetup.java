package com.flashsale.kafka.embedded;

import com.flashsale.events.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics. Running it again creates only what is missing, so it is safe on
 * every start.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    /** Kept forever: audits replay the event log and the dead letters from offset 0. */
    private static final String RETAIN_FOREVER = "-1";

    private static final Duration METADATA_PROPAGATION_TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrapServers;
    private final Topics topics;
    private final int partitions;
    private final short replicationFactor;

    /**
     * @param partitions the same for every topic, because the processor's repartition topics and
     *     stock commands must line up partition by partition
     */
    public TopicSetup(String bootstrapServers, Topics topics, int partitions, short replicationFactor) {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replicationFactor must be at least 1, got "
                    + partitions + " and " + replicationFactor);
        }
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates every missing topic of {@link Topics#all()}.
     *
     * @throws IllegalStateException when an existing topic has another partition count
     */
    public void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(this::newTopic)
                    .toList();
            create(admin, missing);
            requirePartitionCount(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topics at " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * Describes the topics, asking again while a broker does not know them yet: in a multi-node
     * cluster the broker that answers may not have the new topics' metadata right after creation.
     */
    private Map<String, TopicDescription> describeNewTopics(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + METADATA_PROPAGATION_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(topics.all()).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    NewTopic newTopic(String name) {
        Map<String, String> configs = new HashMap<>();
        if (topics.eventLog().contains(name) || topics.deadLetter().equals(name)) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, RETAIN_FOREVER);
        }
        if (replicationFactor > 1) {
            // One replica may be down without blocking acks=all writes: 2 of 3 in production.
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(replicationFactor - 1));
        }
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    private static void create(Admin admin, List<NewTopic> missing) throws InterruptedException, ExecutionException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            missing.forEach(topic -> LOG.info("Created topic={} partitions={} replicationFactor={}",
                    topic.name(), topic.numPartitions(), topic.replicationFactor()));
        } catch (ExecutionException e) {
            // Another process created it between listing and creating: that is the outcome we want.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void requirePartitionCount(Admin admin) throws InterruptedException, ExecutionException {
        Map<String, TopicDescription> descriptions = describeNewTopics(admin);
        for (TopicDescription description : descriptions.values()) {
            int actual = description.partitions().size();
            if (actual != partitions) {
                throw new IllegalStateException("Topic " + description.name() + " has " + actual
                        + " partitions but " + partitions + " were requested; every topic needs the same count. "
                        + "Delete the data directory to start over.");
            }
        }
    }
}
