package com.flashsale.processor.it;

import com.flashsale.events.serde.EventSerde;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.kafka.embedded.TopicSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Starts the pieces that the integration tests share: a broker on free ports with the topics, and producers. */
final class PipelineSetup {

    /** Every topic gets the processor's partition count, so its repartition topics line up. */
    static final int PARTITIONS = 3;

    private PipelineSetup() {
    }

    /** Starts a single-node broker with its data under {@code directory} and creates the topics. */
    static KafkaBroker startBroker(Path directory, Topics topics) {
        List<Integer> ports = Ports.findFree(2);
        KafkaBroker broker = new KafkaBroker(BrokerSettings.defaults(directory).withPorts(ports.get(0), ports.get(1)));
        broker.start();
        new TopicSetup(broker.bootstrapServers(), topics, PARTITIONS, (short) 1).createTopics();
        return broker;
    }

    /**
     * Returns the environment that points config.yml at the broker, with a state directory under
     * {@code workDirectory}; {@code overrides} add or replace variables.
     */
    static Map<String, String> processorEnvironment(KafkaBroker broker, Topics topics, Path workDirectory,
                                                    String applicationId, Map<String, String> overrides)
            throws IOException {
        Path stateDirectory = Files.createDirectories(workDirectory.resolve("streams"));
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "FLASHSALE_TOPIC_PREFIX", topics.prefix(),
                "PROCESSOR_STATE_DIR", stateDirectory.toString(),
                "PROCESSOR_APPLICATION_ID", applicationId));
        environment.putAll(overrides);
        return environment;
    }

    /**
     * Returns a fresh log file for a child process under target/it-logs, which outlives the test's
     * temporary directory so that a failed run can be examined.
     */
    static Path freshLogFile(String name) throws IOException {
        Path logFile = Files.createDirectories(Path.of("target", "it-logs")).resolve(name);
        Files.deleteIfExists(logFile);
        return logFile;
    }

    /** Creates an idempotent producer of events, as the ingest service writes them. */
    static KafkaProducer<String, SpecificRecord> eventProducer(KafkaBroker broker) {
        return producer(broker, new EventSerde().serializer());
    }

    static <V> KafkaProducer<String, V> producer(KafkaBroker broker, Serializer<V> values) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), values);
    }
}
