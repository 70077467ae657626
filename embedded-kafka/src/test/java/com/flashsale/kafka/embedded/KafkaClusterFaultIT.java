package com.flashsale.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real three-node cluster: topics with three replicas survive a killed and a frozen leader. */
class KafkaClusterFaultIT {

    private static final Topics TOPICS = new Topics("cluster.");
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDirectory;

    private static KafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = KafkaCluster.onFreePorts(dataDirectory, 3, KafkaLibrary.locate(), Duration.ofSeconds(90));
        cluster.start();
        new TopicSetup(cluster.bootstrapServers(), TOPICS, 3, (short) 3).createTopics();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void topicsGetThreeReplicasAndMinInSyncTwo() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPICS.orderSubmissions());

            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            var description = admin.describeTopics(List.of(TOPICS.orderSubmissions())).allTopicNames().get()
                    .get(TOPICS.orderSubmissions());

            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
        }
    }

    @Test
    void killedLeaderIsReplacedAndRejoinsAfterRestart() throws Exception {
        int leader = cluster.leaderOf(TOPICS.orderSubmissions(), 0);

        cluster.kill(leader);

        awaitLeaderOtherThan(leader);
        assertThat(sendAcksAll("after-kill")).isTrue();

        cluster.restart(leader);
        cluster.awaitFullInSyncReplicas(TOPICS.all(), RECOVERY_TIMEOUT);
        assertThat(cluster.broker(leader).isAlive()).isTrue();
    }

    @Test
    void frozenLeaderLosesLeadershipAndRejoinsAfterResume() throws Exception {
        int leader = cluster.leaderOf(TOPICS.orderSubmissions(), 0);

        cluster.pause(leader);
        try {
            awaitLeaderOtherThan(leader);
            assertThat(sendAcksAll("while-frozen")).isTrue();
        } finally {
            cluster.resume(leader);
        }

        cluster.awaitFullInSyncReplicas(TOPICS.all(), RECOVERY_TIMEOUT);
    }

    private static void awaitLeaderOtherThan(int oldLeader) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (cluster.leaderOf(TOPICS.orderSubmissions(), 0) != oldLeader) {
                    return;
                }
            } catch (IllegalStateException e) {
                // No leader during the election: ask again.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Partition 0 still led by node " + oldLeader + " after " + RECOVERY_TIMEOUT);
    }

    /**
     * Sends one record with {@code acks=all}. The budget covers a frozen broker that is still in the
     * ISR of some partition until {@code replica.lag.time.max.ms} (30 s) drops it, plus a slow machine.
     */
    private static boolean sendAcksAll(String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPICS.orderSubmissions(), 0, "key", value)).get(70, TimeUnit.SECONDS);
            return true;
        }
    }
}
