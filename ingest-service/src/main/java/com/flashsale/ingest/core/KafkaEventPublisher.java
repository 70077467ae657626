package com.flashsale.ingest.core;

import com.flashsale.common.config.KafkaSettings;
import com.flashsale.events.serde.EventSerde;
import com.flashsale.ingest.config.ProducerSettings;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events with an idempotent producer that waits for every in-sync replica
 * ({@code acks=all}), so an acknowledged order survives the loss of the partition leader and a
 * producer retry never writes it twice. Each send is bounded: {@code maxBlock} for metadata or
 * buffer space, {@code sendTimeout} until the acknowledgement.
 *
 * <p>A full buffer has two causes that clients must tell apart. If the broker acknowledged a write
 * within the last {@code sendTimeout}, it is draining the buffer and this service is simply taking
 * requests too fast: the send fails with {@link ProducerOverloadedException} (answered with 429). If
 * nothing was acknowledged for that long, the broker is treated as unreachable and the original
 * {@link BufferExhaustedException} is passed on (answered with 503).
 */
public final class KafkaEventPublisher implements EventPublisher, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    /** Small batching delay: a few milliseconds of latency buy larger batches in a rush. */
    static final int LINGER_MS = 5;

    private static final long NEVER = Long.MIN_VALUE;

    private final Producer<String, SpecificRecord> producer;
    private final Duration closeTimeout;
    private final long reachableWindowNanos;
    private final LongSupplier nanoClock;
    private volatile long lastAcknowledgedNanos = NEVER;

    public KafkaEventPublisher(KafkaSettings kafka) {
        this(kafka, new ProducerSettings());
    }

    public KafkaEventPublisher(KafkaSettings kafka, ProducerSettings settings) {
        this(new KafkaProducer<>(producerConfig(kafka, settings), new StringSerializer(), new EventSerde().serializer()),
                settings, System::nanoTime);
    }

    /** Wraps a given producer; tests pass a {@code MockProducer} and a manual clock. */
    KafkaEventPublisher(Producer<String, SpecificRecord> producer, ProducerSettings settings, LongSupplier nanoClock) {
        this.producer = producer;
        this.closeTimeout = settings.getSendTimeout().toJavaDuration();
        this.reachableWindowNanos = settings.getSendTimeout().toJavaDuration().toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Builds the producer configuration. The delivery timeout is not the request's send timeout: see
     * {@link ProducerSettings} for why a record outlives the 503 its request may get.
     */
    static Map<String, Object> producerConfig(KafkaSettings kafka, ProducerSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(settings.getDeliveryTimeout().toMilliseconds()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(settings.getRequestTimeout().toMilliseconds()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.getMaxBlock().toMilliseconds());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, settings.getBufferMemory().toBytes());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.toIntExact(settings.getBatchSize().toBytes()));
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>NOTE: {@code send} blocks the calling thread for up to {@code maxBlock} while the topic's
     * metadata is unknown (first send, or a broker that was down at startup) or the buffer is
     * full. Once metadata is cached, a send returns at once even when the broker is down.
     */
    @Override
    public CompletionStage<Void> publish(String topic, String key, SpecificRecord event, Map<String, String> headers) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record(topic, key, event, headers), (metadata, error) -> {
                if (error == null) {
                    lastAcknowledgedNanos = nanoClock.getAsLong();
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(classify(error));
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the producer was closed because the service is stopping.
            acknowledged.completeExceptionally(classify(e));
        }
        return acknowledged;
    }

    private static ProducerRecord<String, SpecificRecord> record(String topic, String key, SpecificRecord event,
                                                                 Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, event, recordHeaders);
    }

    private Throwable classify(Throwable error) {
        if (error instanceof BufferExhaustedException && brokerAcknowledgedRecently()) {
            return new ProducerOverloadedException(error);
        }
        return error;
    }

    private boolean brokerAcknowledgedRecently() {
        long last = lastAcknowledgedNanos;
        return last != NEVER && nanoClock.getAsLong() - last < reachableWindowNanos;
    }

    /**
     * Fetches the metadata of {@code topics} before the server takes requests. A send with unknown
     * metadata waits for it only up to {@code maxBlock}, which a cold connection to the broker can
     * exceed, so without this the first orders after a start could get 503. Gives up after
     * {@code budget} and leaves the rest to the first sends: a broker that is down at start is
     * reported by the health check, not by a failed start.
     */
    public void prefetchMetadata(List<String> topics, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        for (String topic : topics) {
            while (true) {
                try {
                    producer.partitionsFor(topic);
                    break;
                } catch (KafkaException e) {
                    if (System.nanoTime() > deadline) {
                        LOG.warn("No metadata for topic={} within {}, continuing: {}", topic, budget, e.getMessage());
                        return;
                    }
                }
            }
        }
        LOG.info("Kafka metadata ready for topics={}", topics);
    }

    @Override
    public void start() {
        LOG.info("Kafka producer ready clientId=ingest-service");
    }

    /** Gives records still in flight up to the send timeout to be acknowledged, then drops them. */
    @Override
    public void stop() {
        LOG.info("Closing the Kafka producer, waiting at most {} for in-flight records", closeTimeout);
        producer.close(closeTimeout);
    }
}
