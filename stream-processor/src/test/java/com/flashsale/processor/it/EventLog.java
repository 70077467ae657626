package com.flashsale.processor.it;

import com.flashsale.events.serde.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from offset 0 and keeps every record read so far. Values stay raw bytes, because
 * the dead-letter topic also carries records that are no event at all; {@link #event} decodes one.
 * Not thread-safe.
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    /**
     * @param isolation READ_COMMITTED to see what a downstream reader sees, READ_UNCOMMITTED to
     *     also see the records of aborted transactions
     */
    EventLog(String bootstrapServers, IsolationLevel isolation, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and returns how many records arrived. */
    int poll(Duration timeout) {
        int before = records.size();
        consumer.poll(timeout).forEach(records::add);
        return records.size() - before;
    }

    /** Polls until a poll of {@code quietPeriod} brings nothing new. */
    void drain(Duration quietPeriod) {
        while (poll(quietPeriod) > 0) {
            // Keep reading: more arrived.
        }
    }

    List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    /** Returns the decoded events of a topic in the order read, skipping values that are no event. */
    List<SpecificRecord> events(String topic) {
        return records(topic).stream().map(EventLog::event).flatMap(Optional::stream).toList();
    }

    static Optional<SpecificRecord> event(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.get().decode(record.value()));
        } catch (RuntimeException e) {
            // Poison records on the dead-letter topic: random bytes or an unknown schema.
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
