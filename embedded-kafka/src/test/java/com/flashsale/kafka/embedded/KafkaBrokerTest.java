package com.flashsale.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.events.topics.Topics;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs one real broker for the whole class, because each start costs a few seconds. */
class KafkaBrokerTest {

    private static final Topics TOPICS = new Topics("test.");

    @TempDir
    static Path dataDirectory;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        List<Integer> ports = Ports.findFree(2);
        broker = new KafkaBroker(BrokerSettings.defaults(dataDirectory).withPorts(ports.get(0), ports.get(1)));
        broker.start();
        new TopicSetup(broker.bootstrapServers(), TOPICS, 3, (short) 1).createTopics();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void topicSetupCreatesEveryTopicWithPartitions() throws Exception {
        try (Admin admin = admin()) {

            Set<String> names = admin.listTopics().names().get();

            assertThat(names).containsAll(TOPICS.all());
            assertThat(admin.describeTopics(TOPICS.all()).allTopicNames().get().values())
                    .allSatisfy(description -> assertThat(description.partitions()).hasSize(3));
        }
    }

    @Test
    void eventLogAndDeadLetterTopicsKeepDataForever() throws Exception {
        List<String> keptForever = new ArrayList<>(TOPICS.eventLog());
        keptForever.add(TOPICS.deadLetter());

        try (Admin admin = admin()) {
            for (String topic : keptForever) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic).isEqualTo("-1");
            }
        }
    }

    @Test
    void topicSetupRunsAgainWithoutError() {
        TopicSetup setup = new TopicSetup(broker.bootstrapServers(), TOPICS, 3, (short) 1);

        setup.createTopics();

        assertThat(broker.isAlive()).isTrue();
    }

    @Test
    void topicSetupRejectsAnotherPartitionCount() {
        TopicSetup setup = new TopicSetup(broker.bootstrapServers(), TOPICS, 6, (short) 1);

        assertThatThrownBy(setup::createTopics)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 3 partitions but 6 were requested");
    }

    @Test
    void readCommittedConsumerReadsTransactionalRecord() {
        String value = "committed-" + UUID.randomUUID();

        produceInTransaction(TOPICS.orderSubmissions(), value);

        assertThat(readAllValues(TOPICS.orderSubmissions())).contains(value);
    }

    @Test
    void recordSurvivesBrokerRestartOnSameDirectory() {
        String value = "before-restart-" + UUID.randomUUID();
        produceInTransaction(TOPICS.orderEvents(), value);

        broker.stop();
        assertThat(broker.isAlive()).isFalse();
        broker.start();

        assertThat(broker.isAlive()).isTrue();
        assertThat(readAllValues(TOPICS.orderEvents())).contains(value);
    }

    @Test
    void startFailsWithClearMessageWhenPortIsTaken(@TempDir Path otherDirectory) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
            int port = taken.getLocalPort();
            KafkaBroker second = new KafkaBroker(
                    BrokerSettings.defaults(otherDirectory).withPorts(port, Ports.findFree()));

            assertThatThrownBy(second::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("Kafka client listener")
                    .hasMessageContaining("already in use");
            assertThat(second.isAlive()).isFalse();
        }
    }

    @Test
    void startFailsWhenControllerPortIsTakenByRunningBroker(@TempDir Path otherDirectory) {
        int controllerPort = broker.settings().controllerPort();
        KafkaBroker second = new KafkaBroker(
                BrokerSettings.defaults(otherDirectory).withPorts(Ports.findFree(), controllerPort));

        assertThatThrownBy(second::start)
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("Port " + controllerPort)
                .hasMessageContaining("Kafka controller listener");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produceInTransaction(String topic, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "sku-1", value));
            producer.commitTransaction();
        }
    }

    private static List<String> readAllValues(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
