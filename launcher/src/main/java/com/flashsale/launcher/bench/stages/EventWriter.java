package com.flashsale.launcher.bench.stages;

import com.flashsale.events.serde.EventCodec;
import com.flashsale.events.topics.Topics;
import com.flashsale.launcher.bench.stages.BenchEvents.TopicEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes prepared events to their topics before a measurement starts, with the pipeline's Avro encoding. */
final class EventWriter {

    private EventWriter() {
    }

    /**
     * Sends every event in list order and waits until the broker acknowledged all of them, so a
     * measurement that starts afterwards finds them complete. The default partitioner spreads the
     * keys the way the ingest service's producer does.
     */
    static void write(String bootstrapServers, Topics topics, List<TopicEvent> events) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // The topics are seconds old. With several requests in flight, one that reaches the
                // broker before it has applied the new partition fails and a later one succeeds.
                // The idempotent producer then retries the first with OUT_OF_ORDER_SEQUENCE_NUMBER
                // until its delivery timeout (KAFKA-15591, seen here with Kafka 4.4.0). A single
                // request in flight cannot be overtaken.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        EventCodec codec = EventCodec.get();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            for (TopicEvent event : events) {
                producer.send(new ProducerRecord<>(topic(topics, event.destination()), event.key(),
                        codec.encode(event.event())), (metadata, failure) -> {
                            if (failure != null) {
                                firstFailure.compareAndSet(null, failure);
                            }
                        });
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("Writing the benchmark's events to " + bootstrapServers + " failed",
                    firstFailure.get());
        }
    }

    static String topic(Topics topics, BenchEvents.Destination destination) {
        return switch (destination) {
            case ORDER_SUBMISSIONS -> topics.orderSubmissions();
            case STOCK_COMMANDS -> topics.stockCommands();
            case ORDER_EVENTS -> topics.orderEvents();
        };
    }
}
