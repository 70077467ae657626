package com.flashsale.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.config.KafkaSettings;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.ingest.config.ProducerSettings;
import com.flashsale.events.serde.EventSerde;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

    @Test
    void producerWaitsForAllReplicasIdempotently() {
        Map<String, Object> config = KafkaEventPublisher.producerConfig(
                new KafkaSettings("127.0.0.1:9092", "flashsale."), new ProducerSettings());

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000L);
        assertThat(config).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        assertThat(config).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    }

    @Test
    void bufferAndBatchSizesComeFromSettings() {
        Map<String, Object> config = KafkaEventPublisher.producerConfig(new KafkaSettings(), new ProducerSettings(
                Duration.seconds(2), Duration.milliseconds(50), DataSize.kibibytes(4), DataSize.kibibytes(1)));

        assertThat(config).containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 4096L);
        assertThat(config).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 1024);
        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 50L);
    }

    @Test
    void recordCarriesGivenHeaders() {
        MockProducer<String, SpecificRecord> producer = mockProducer();
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, new ProducerSettings(), System::nanoTime);

        publisher.publish("test.order-submissions", "sku-1", event(), EventHeaders.forRequest("trace-1"));

        ProducerRecord<String, SpecificRecord> record = producer.history().get(0);
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("trace-1");
        assertThat(record.key()).isEqualTo("sku-1");
    }

    @Test
    void fullBufferWhileBrokerAcknowledgesIsOverload() throws Exception {
        MockProducer<String, SpecificRecord> producer = mockProducer();
        AtomicLong clock = new AtomicLong(0);
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, new ProducerSettings(), clock::get);
        publisher.publish("test.order-submissions", "sku-1", event(), Map.of());
        producer.completeNext();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(4));

        CompletableFuture<Void> viaCallback = publisher.publish("test.order-submissions", "sku-1", event(), Map.of())
                .toCompletableFuture();
        producer.errorNext(new BufferExhaustedException("buffer full"));
        producer.sendException = new BufferExhaustedException("buffer full");
        CompletableFuture<Void> thrown = publisher.publish("test.order-submissions", "sku-1", event(), Map.of())
                .toCompletableFuture();

        assertThat(waitForFailure(viaCallback)).isInstanceOf(ProducerOverloadedException.class);
        assertThat(waitForFailure(thrown)).isInstanceOf(ProducerOverloadedException.class);
    }

    @Test
    void fullBufferWithoutRecentAcknowledgementMeansBrokerUnavailable() throws Exception {
        MockProducer<String, SpecificRecord> producer = mockProducer();
        AtomicLong clock = new AtomicLong(0);
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, new ProducerSettings(), clock::get);
        CompletableFuture<Void> beforeAnyAcknowledgement = publisher.publish("test.order-submissions", "sku-1", event(),
                Map.of()).toCompletableFuture();
        producer.errorNext(new BufferExhaustedException("buffer full"));
        publisher.publish("test.order-submissions", "sku-1", event(), Map.of());
        producer.completeNext();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(5));

        producer.sendException = new BufferExhaustedException("buffer full");
        CompletableFuture<Void> afterSendTimeout = publisher.publish("test.order-submissions", "sku-1", event(), Map.of())
                .toCompletableFuture();

        assertThat(waitForFailure(beforeAnyAcknowledgement)).isInstanceOf(BufferExhaustedException.class);
        assertThat(waitForFailure(afterSendTimeout)).isInstanceOf(BufferExhaustedException.class);
    }

    @Test
    void recordOutlivesTheRequestsSendTimeout() {
        // A failover takes about broker.session.timeout.ms (9 s by default); a record that expires
        // before it would make the idempotent producer re-sequence its other in-flight batches.
        Map<String, Object> config = KafkaEventPublisher.producerConfig(new KafkaSettings(),
                new ProducerSettings(Duration.milliseconds(500), Duration.milliseconds(100)));

        int delivery = (Integer) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int linger = (Integer) config.get(ProducerConfig.LINGER_MS_CONFIG);
        int request = (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(delivery).isGreaterThanOrEqualTo(linger + request).isGreaterThan(60_000);
    }

    @Test
    void sendWithoutBrokerFailsWithinMaxBlock() throws Exception {
        KafkaSettings kafka = new KafkaSettings("127.0.0.1:" + closedPort(), "test.");
        KafkaEventPublisher publisher = new KafkaEventPublisher(kafka,
                new ProducerSettings(Duration.seconds(1), Duration.milliseconds(200)));
        OrderSubmitted event = new EventFactory(Clock.systemUTC())
                .orderSubmitted("order-1", "shopper-1", "sku-1", 1, "tap-1", "request-1");
        long start = System.nanoTime();

        CompletableFuture<Void> acknowledgement;
        try {
            acknowledgement = publisher.publish("test.order-submissions", "sku-1", event, Map.of()).toCompletableFuture();
            Throwable failure = waitForFailure(acknowledgement);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(failure).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            assertThat(elapsedMs).isLessThan(3_000);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void prefetchRetriesMetadataUntilItArrives() {
        AtomicInteger calls = new AtomicInteger();
        MockProducer<String, SpecificRecord> producer = new MockProducer<>(false, null, new StringSerializer(),
                new EventSerde().serializer()) {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic) {
                if (calls.incrementAndGet() <= 2) {
                    throw new org.apache.kafka.common.errors.TimeoutException("no metadata yet");
                }
                return List.of();
            }
        };
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, new ProducerSettings(), System::nanoTime);

        publisher.prefetchMetadata(List.of("test.order-submissions", "test.order-commands"), java.time.Duration.ofSeconds(5));

        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void prefetchGivesUpAfterItsBudget() {
        MockProducer<String, SpecificRecord> producer = new MockProducer<>(false, null, new StringSerializer(),
                new EventSerde().serializer()) {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic) {
                throw new org.apache.kafka.common.errors.TimeoutException("broker down");
            }
        };
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, new ProducerSettings(), System::nanoTime);
        long start = System.nanoTime();

        publisher.prefetchMetadata(List.of("test.order-submissions"), java.time.Duration.ofMillis(200));

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    private static MockProducer<String, SpecificRecord> mockProducer() {
        return new MockProducer<>(false, null, new StringSerializer(), new EventSerde().serializer());
    }

    private static OrderSubmitted event() {
        return new EventFactory(Clock.systemUTC()).orderSubmitted("order-1", "shopper-1", "sku-1", 1, "tap-1", "request-1");
    }

    private static Throwable waitForFailure(CompletableFuture<Void> future) throws Exception {
        try {
            future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("send succeeded without a broker");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Returns a local port that nothing listens on, found by binding it once and releasing it. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
