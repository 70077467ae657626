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

    /** Starts a broker whose data lives in {@code directory} and waits until it answers. */
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

    @Override
    public void close() {
        broker.stop();
    }
}
