package com.flashsale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.serde.EventSerde;
import com.flashsale.events.topics.Topics;
import com.flashsale.ingest.TestIngestApp.Reply;
import com.flashsale.ingest.core.OrderIds;
import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.kafka.embedded.TopicSetup;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of concurrent orders against a real broker, with a producer buffer of 4 KiB and at most
 * {@value #MAX_IN_FLIGHT} sends in flight. Every request must be answered with 202 or 429 within
 * {@link #RESPONSE_BOUND}, every accepted order must be on the log exactly once, and no rejected
 * order may be there. The test prints the counts and latencies that the README quotes.
 */
class IngestBackpressureIT {

    private static final Topics TOPICS = new Topics("burst.");
    private static final int BURST = 300;
    private static final int WARM_UP_ORDERS = 300;
    private static final int MAX_IN_FLIGHT = 10;
    /** The service responds to every request within its send timeout. The bound adds slack for a loaded CI machine. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RESPONSE_BOUND = SEND_TIMEOUT.plusSeconds(2);

    @TempDir
    static Path dataDirectory;

    private static KafkaBroker broker;
    private static TestIngestApp app;

    @BeforeAll
    static void startBrokerAndApp() throws Exception {
        List<Integer> ports = Ports.findFree(2);
        broker = new KafkaBroker(BrokerSettings.defaults(dataDirectory).withPorts(ports.get(0), ports.get(1)));
        broker.start();
        new TopicSetup(broker.bootstrapServers(), TOPICS, 3, (short) 1).createTopics();

        // Kafka's buffer pool hands out whole batches, so the buffer must hold at least one batch.
        app = TestIngestApp.withKafka("ingest-it.yml",
                ConfigOverride.config("kafka.bootstrapServers", broker.bootstrapServers()),
                ConfigOverride.config("kafka.topicPrefix", "burst."),
                ConfigOverride.config("producer.bufferMemory", "4KiB"),
                ConfigOverride.config("producer.batchSize", "1KiB"),
                ConfigOverride.config("producer.maxBlock", "100ms"),
                ConfigOverride.config("producer.sendTimeout", SEND_TIMEOUT.toSeconds() + "s"),
                ConfigOverride.config("limits.maxInFlight", Integer.toString(MAX_IN_FLIGHT)));
        app.extension().before();
    }

    @AfterAll
    static void stopAppAndBroker() {
        try {
            if (app != null) {
                app.extension().after();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    private record Outcome(String orderId, int status, String code, long latencyMs) {
    }

    @Test
    void burstIsAcceptedOrFastOverloaded() throws Exception {
        Set<String> warmUpOrderIds = warmUp();

        List<Outcome> outcomes = burst();

        Map<Integer, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
        printSummary(outcomes, statuses);
        assertThat(statuses.keySet()).as("statuses of the burst").isSubsetOf(202, 429);
        assertThat(outcomes).filteredOn(outcome -> outcome.status() == 429)
                .extracting(Outcome::code).containsOnly("OVERLOADED");
        assertThat(statuses.getOrDefault(202, 0L)).as("accepted orders").isPositive();
        assertThat(statuses.getOrDefault(429, 0L)).as("rejected orders").isPositive();
        assertThat(outcomes.stream().mapToLong(Outcome::latencyMs).max().orElseThrow())
                .as("max latency in ms").isLessThan(RESPONSE_BOUND.toMillis());

        Set<String> accepted = orderIds(outcomes, 202);
        accepted.addAll(warmUpOrderIds);
        Map<String, Long> onLog = countOnLog(accepted.size());
        assertThat(onLog.keySet()).as("orders on the log").isEqualTo(accepted);
        assertThat(onLog.values()).as("copies of each accepted order").containsOnly(1L);
        assertThat(onLog.keySet()).as("rejected orders on the log").doesNotContainAnyElementsOf(orderIds(outcomes, 429));
    }

    /**
     * Fetches metadata, gets a first acknowledgement and runs {@value #WARM_UP_ORDERS} orders one at a
     * time, so that the burst meets compiled code rather than a cold JVM. Returns the accepted order ids.
     */
    private static Set<String> warmUp() {
        List<Reply> first = new ArrayList<>();
        Awaitility.await("a first 202")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    first.add(0, order("warm-up", "tap-warm-up").join());
                    return first.get(0).status() == 202;
                });
        Set<String> accepted = new HashSet<>();
        accepted.add(first.get(0).json().get("orderId").asText());
        for (int i = 0; i < WARM_UP_ORDERS; i++) {
            Reply reply = order("warm-up-" + i, "tap-" + i).join();
            assertThat(reply.status()).as("warm-up order %d, body %s", i, reply.body()).isEqualTo(202);
            accepted.add(reply.json().get("orderId").asText());
        }
        return accepted;
    }

    /** Sends every order at once; a rejection carries no order id, so each id is derived as the service does. */
    private static List<Outcome> burst() {
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String userId = "burst-shopper-" + i;
            String orderId = OrderIds.derive(userId, "tap-" + i);
            long start = System.nanoTime();
            pending.add(order(userId, "tap-" + i).thenApply(reply -> new Outcome(
                    orderId,
                    reply.status(),
                    reply.status() == 202 ? null : reply.json().get("code").asText(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static CompletableFuture<Reply> order(String userId, String clientRequestId) {
        String body = "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"" + clientRequestId + "\"}";
        return app.postAsync("/v1/orders", body, Map.of("Authorization", "Bearer " + app.token(userId, Role.SHOPPER)));
    }

    private static Set<String> orderIds(List<Outcome> outcomes, int status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).map(Outcome::orderId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static void printSummary(List<Outcome> outcomes, Map<Integer, Long> statuses) {
        long[] latencies = outcomes.stream().mapToLong(Outcome::latencyMs).sorted().toArray();
        System.out.printf("Burst of %d orders, maxInFlight=%d, bufferMemory=4KiB: statuses=%s, "
                        + "latency ms p50=%d p99=%d max=%d%n", BURST, MAX_IN_FLIGHT, statuses,
                latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)], latencies[latencies.length - 1]);
    }

    /** Reads the submissions topic with read_committed and counts the records of each order id. */
    private static Map<String, Long> countOnLog(int expected) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, SpecificRecord> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new EventSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPICS.orderSubmissions()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int read = 0;
            while (read < expected && System.nanoTime() < deadline) {
                read += count(consumer.poll(Duration.ofMillis(200)), counts);
            }
            count(consumer.poll(Duration.ofMillis(500)), counts);
        }
        return counts;
    }

    private static int count(Iterable<ConsumerRecord<String, SpecificRecord>> records, Map<String, Long> counts) {
        int read = 0;
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            counts.merge(((OrderSubmitted) record.value()).getOrderId(), 1L, Long::sum);
            read++;
        }
        return read;
    }
}
