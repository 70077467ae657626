package com.flashsale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.common.auth.Role;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.serde.EventSerde;
import com.flashsale.events.topics.Topics;
import com.flashsale.ingest.TestIngestApp.Reply;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.OrderIds;
import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.kafka.embedded.TopicSetup;
import io.dropwizard.testing.ConfigOverride;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the ingest service against a real single-node broker: each accepted order is on the log exactly once,
 * rejected requests write nothing, and a broker outage answers {@code 503} and heals without
 * restarting the service. The tests share one broker and run in order, because the last one
 * stops and restarts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestKafkaIT {

    private static final Topics TOPICS = new Topics("it.");
    private static final int PARTITIONS = 3;
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    static Path dataDirectory;

    private static KafkaBroker broker;
    private static TestIngestApp app;

    @BeforeAll
    static void startBrokerAndApp() throws Exception {
        List<Integer> ports = Ports.findFree(2);
        broker = new KafkaBroker(BrokerSettings.defaults(dataDirectory).withPorts(ports.get(0), ports.get(1)));
        broker.start();
        new TopicSetup(broker.bootstrapServers(), TOPICS, PARTITIONS, (short) 1).createTopics();

        app = TestIngestApp.withKafka("ingest-it.yml",
                ConfigOverride.config("kafka.bootstrapServers", broker.bootstrapServers()));
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

    @Test
    @Order(1)
    void acceptedOrdersAreCommittedOnce() {
        List<String> orderIds = new ArrayList<>();
        Map<String, String> requestIds = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Reply reply = submitOrder("shopper-1", "sku-" + i, "tap-" + i);

            assertThat(reply.status()).as("status of order %d, body %s", i, reply.body()).isEqualTo(202);
            orderIds.add(reply.json().get("orderId").asText());
            requestIds.put(reply.json().get("orderId").asText(), reply.header("X-Request-Id"));
        }

        List<ConsumerRecord<String, SpecificRecord>> records = readAll(TOPICS.orderSubmissions(), orderIds.size());

        assertThat(records)
                .extracting(record -> ((OrderSubmitted) record.value()).getOrderId())
                .containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(records)
                .allSatisfy(record -> assertThat(record.key()).isEqualTo(((OrderSubmitted) record.value()).getSkuId()));
        assertThat(records).allSatisfy(record -> {
            OrderSubmitted event = (OrderSubmitted) record.value();
            Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
            assertThat(header).as("requestId header of order %s", event.getOrderId()).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8))
                    .isEqualTo(event.getRequestId())
                    .isEqualTo(requestIds.get(event.getOrderId()));
        });
    }

    @Test
    @Order(2)
    void rejectedRequestsWriteNothing() {
        Map<TopicPartition, Long> before = endOffsets();
        Map<String, String> shopper = bearer("shopper-2", Role.SHOPPER);
        Map<String, String> merchant = bearer("merchant-1", Role.MERCHANT);
        String orderPath = "/v1/orders/" + OrderIds.derive("shopper-2", "tap-1");
        List<Reply> replies = List.of(
                app.post("/v1/orders", "{\"skuId\": \"sku-1\", \"quantity\": 0, \"clientRequestId\": \"tap-1\"}", shopper),
                app.post("/v1/orders", "{\"skuId\": \"sku-1\", \"quantity\": 1}", shopper),
                app.post("/v1/orders", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\", "
                        + "\"userId\": \"victim\"}", shopper),
                app.post("/v1/orders", "{\"skuId\": ", shopper),
                app.post("/v1/orders", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\"}", Map.of()),
                app.post("/v1/orders", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\"}", merchant),
                app.post(orderPath + "/payment", "{\"paymentId\": \"pay-1\"}", shopper),
                app.post(orderPath + "/payment", "{\"paymentId\": \"pay 1\"}", merchant),
                app.post("/v1/orders/ORDER-1/cancel", "{}", shopper),
                app.post(orderPath + "/cancel", "{\"reason\": \"none\"}", shopper),
                app.put("/v1/skus/sku-1/stock", "{\"stock\": -1, \"perUserLimit\": 1, "
                        + "\"saleStart\": \"2026-12-04T10:00:00Z\", \"saleEnd\": \"2026-12-04T11:00:00Z\"}", merchant));

        assertThat(replies).extracting(Reply::status).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void brokerOutageAnswers503AndHealsWithoutRestart() {
        broker.stop();
        long start = System.nanoTime();

        Reply duringOutage = submitOrder("shopper-3", "sku-1", "tap-outage");

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(duringOutage.status()).as("body %s", duringOutage.body()).isEqualTo(503);
        assertThat(duringOutage.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(duringOutage.header("Retry-After")).isEqualTo("1");
        assertThat(elapsedMs).isLessThan(5_000);
        assertThat(kafkaHealth().isHealthy()).as("kafka health during the outage").isFalse();

        broker.start();
        AtomicReference<Reply> afterRestart = new AtomicReference<>();
        Awaitility.await("a 202 after the broker restarted")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    afterRestart.set(submitOrder("shopper-3", "sku-1", "tap-after-restart"));
                    return afterRestart.get().status() == 202;
                });

        String orderId = afterRestart.get().json().get("orderId").asText();
        assertThat(orderId).isEqualTo(OrderIds.derive("shopper-3", "tap-after-restart"));
        assertThat(readAll(TOPICS.orderSubmissions(), 6))
                .extracting(record -> ((OrderSubmitted) record.value()).getOrderId())
                .contains(orderId);
        assertThat(kafkaHealth().isHealthy()).as("kafka health after the restart").isTrue();
    }

    private static Reply submitOrder(String userId, String skuId, String clientRequestId) {
        String body = "{\"skuId\": \"" + skuId + "\", \"quantity\": 1, \"clientRequestId\": \"" + clientRequestId + "\"}";
        return app.post("/v1/orders", body, bearer(userId, Role.SHOPPER));
    }

    private static Map<String, String> bearer(String userId, Role role) {
        return Map.of("Authorization", "Bearer " + app.token(userId, role));
    }

    private static HealthCheck.Result kafkaHealth() {
        return app.extension().getEnvironment().healthChecks().runHealthCheck("kafka");
    }

    /**
     * Reads a topic from the beginning with {@code read_committed} until at least {@code expected}
     * records arrived, then polls once more so that a duplicate would also show up.
     */
    private static List<ConsumerRecord<String, SpecificRecord>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    /** Returns the end offset of every partition of every topic the ingest service writes. */
    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, SpecificRecord> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(TOPICS.orderSubmissions(), TOPICS.orderCommands(), TOPICS.stockCommands())) {
                partitions.addAll(partitionsOf(consumer, topic));
            }
            return consumer.endOffsets(partitions);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static KafkaConsumer<String, SpecificRecord> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new EventSerde().deserializer());
    }
}
