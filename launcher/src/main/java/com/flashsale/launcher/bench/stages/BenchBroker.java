package com.flashsale.launcher.bench.stages;

import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.kafka.embedded.KafkaLibrary;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.kafka.embedded.TopicSetup;
import com.flashsale.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One embedded single-node broker on free ports for a benchmark stage. Each measured case gets
 * its own topic prefix, so no case reads another's records or offsets.
 */
final class BenchBroker implements AutoCloseable {

    /** The stack's partition count, so that the figures hold for the pipeline as it runs. */
    static final int PARTITIONS = StackSettings.DEFAULT_PARTITIONS;

    private static final short REPLICATION_FACTOR = 1;

    private final KafkaBroker broker;

    private BenchBroker(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker whose data lives in {@code directory} and waits until it accepts admin requests. */
    static BenchBroker start(Path directory) {
        List<Integer> ports = Ports.findFree(2);
        BrokerSettings settings = new BrokerSettings(directory, Ports.LOOPBACK, ports.get(0), ports.get(1),
                KafkaLibrary.locate(), BrokerSettings.DEFAULT_START_TIMEOUT);
        KafkaBroker broker = new KafkaBroker(settings);
        broker.start();
        return new BenchBroker(broker);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Path kafkaLib() {
        return broker.settings().kafkaLib();
    }

    /** Creates the pipeline's topics under {@code prefix}, as the stack does. */
    Topics createPipelineTopics(String prefix) {
        Topics topics = new Topics(prefix);
        new TopicSetup(bootstrapServers(), topics, PARTITIONS, REPLICATION_FACTOR).createTopics();
        return topics;
    }

    /** Creates one more topic with the stack's partition count, for a baseline's output. */
    void createTopic(String name) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, REPLICATION_FACTOR))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Writes one empty record to each partition of {@code topic}, one request at a time, and waits
     * for the acknowledgements. Afterwards the broker has applied the new partitions, so a tool
     * that produces with several requests in flight cannot hit KAFKA-15591. In that Kafka bug, an
     * idempotent producer's request that reaches the broker before the partition exists is
     * overtaken by a later one. The producer then retries it with OUT_OF_ORDER_SEQUENCE_NUMBER
     * until its delivery timeout.
     */
    void primePartitions(String topic) throws InterruptedException, ExecutionException {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, new byte[0])).get();
            }
        }
    }

    @Override
    public void close() {
        broker.stop();
    }
}
