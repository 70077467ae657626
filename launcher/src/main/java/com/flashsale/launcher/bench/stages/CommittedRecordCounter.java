package com.flashsale.launcher.bench.stages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of one topic as a measured process writes them. It reads with
 * {@code isolation.level=read_committed}, so a record counts only once the writer's transaction
 * committed, which is when the pipeline's readers see it. It assigns every partition itself, so no
 * group join delays the first observation.
 */
final class CommittedRecordCounter implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Predicate<byte[]> counted;
    private long skipped;

    /** @param counted which record values count; the others are only tallied in {@link #skipped()} */
    CommittedRecordCounter(String bootstrapServers, String topic, Predicate<byte[]> counted) {
        this.topic = topic;
        this.counted = counted;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map((PartitionInfo info) -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Counts until {@code target} records are counted and returns the window of the measurement.
     *
     * @param writer the process that writes the topic; the count fails as soon as it exits
     * @throws IllegalStateException when the writer exits or the timeout passes first
     */
    ProgressWindow awaitCount(long target, ChildJvm writer, Duration timeout) {
        ProgressWindow window = new ProgressWindow(target);
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (!window.isComplete()) {
            writer.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + count + " of " + target + " records reached " + topic
                        + " within " + timeout.toSeconds() + " s; see " + writer.logFile());
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (counted.test(record.value())) {
                    count++;
                } else {
                    skipped++;
                }
            }
            window.observe(System.nanoTime(), count);
        }
        return window;
    }

    /** Returns the number of records read that did not count, such as the processor's retry events. */
    long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
