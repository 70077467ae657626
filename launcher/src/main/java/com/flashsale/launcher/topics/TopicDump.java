package com.flashsale.launcher.topics;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints every committed record of one topic as JSON lines, from the beginning. Without
 * {@code follow} it stops at the end offsets it saw when it started; with it, it waits for new
 * records until {@link #stop()}. It reads with {@code read_committed}, like the services, and joins
 * no consumer group, so it moves no service's offsets.
 */
public final class TopicDump implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final TopicDumpOptions options;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordJson json = new RecordJson();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public TopicDump(TopicDumpOptions options) {
        this.options = options;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "flashsale-topics");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Prints the records to {@code out} and returns how many it printed. */
    public long run(PrintStream out) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(options.topic(), METADATA_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + options.bootstrapServers() + " did not respond within "
                    + METADATA_TIMEOUT.toSeconds() + " s. Start the stack (./flashsale up) or pass --bootstrap-servers.", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic " + options.topic() + " not found at " + options.bootstrapServers()
                    + ". Check the name and --topic-prefix, or list the topics with Kafka's kafka-topics.sh --list.");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);

        long printed = 0;
        try {
            while (!stopped.get() && (options.follow() || !reached(end))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    out.println(json.format(record));
                    printed++;
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // stop() interrupts a blocked poll, and the records printed so far are kept.
        }
        return printed;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), METADATA_TIMEOUT) >= e.getValue());
    }

    /** Ends {@link #run} from another thread, for example a shutdown hook on Ctrl-C. */
    public void stop() {
        stopped.set(true);
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
