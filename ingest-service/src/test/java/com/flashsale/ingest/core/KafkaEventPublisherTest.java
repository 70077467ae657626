package com.flashsale.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.config.KafkaSettings;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.ingest.config.ProducerSettings;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

    @Test
    void producerWaitsForAllReplicasIdempotently() {
        Map<String, Object> config = KafkaEventPublisher.producerConfig(
                new KafkaSettings("127.0.0.1:9092", "flashsale."), new ProducerSettings());

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000L);
        assertThat(config).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
    }

    @Test
    void deliveryTimeoutCoversLingerAndRequestTimeout() {
        Map<String, Object> config = KafkaEventPublisher.producerConfig(new KafkaSettings(),
                new ProducerSettings(Duration.milliseconds(500), Duration.milliseconds(100)));

        int delivery = (Integer) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int linger = (Integer) config.get(ProducerConfig.LINGER_MS_CONFIG);
        int request = (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(delivery).isGreaterThanOrEqualTo(linger + request);
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
            acknowledgement = publisher.publish("test.order-submissions", "sku-1", event).toCompletableFuture();
            Throwable failure = waitForFailure(acknowledgement);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(failure).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            assertThat(elapsedMs).isLessThan(3_000);
        } finally {
            publisher.stop();
        }
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
