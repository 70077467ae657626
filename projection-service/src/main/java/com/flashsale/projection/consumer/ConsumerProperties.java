package com.flashsale.projection.consumer;

import com.flashsale.common.config.KafkaSettings;
import com.flashsale.projection.config.ConsumerSettings;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Kafka consumer settings of the projection. */
final class ConsumerProperties {

    private ConsumerProperties() {
    }

    static Map<String, Object> of(KafkaSettings kafka, ConsumerSettings consumer) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, consumer.getGroupId(),
                // Events of aborted Streams transactions must never reach the read model.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                // Offsets are committed only after the batch is in the database.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A new group replays the topics from the start, which rebuilds the whole view.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }
}
