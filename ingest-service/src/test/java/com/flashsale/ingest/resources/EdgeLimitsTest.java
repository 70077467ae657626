package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.ingest.RecordingEventPublisher;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits of the edge through the real application. The app trusts one proxy, so each test
 * sends its own {@code X-Forwarded-For} address and its own users, and the tests cannot use up
 * each other's buckets.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EdgeLimitsTest {

    private static final TestIngestApp APP = TestIngestApp.withOverrides(
            // Long enough that the in-flight test's unacknowledged sends still hold their permits.
            ConfigOverride.config("producer.sendTimeout", "3s"),
            ConfigOverride.config("limits.maxInFlight", "2"),
            ConfigOverride.config("limits.perUser.permitsPerSecond", "0.2"),
            ConfigOverride.config("limits.perUser.burst", "4"),
            ConfigOverride.config("limits.perAddress.permitsPerSecond", "0.1"),
            ConfigOverride.config("limits.perAddress.burst", "6"),
            ConfigOverride.config("limits.maxOpenOrdersPerSku", "3"),
            ConfigOverride.config("limits.trustedProxyCount", "1"));
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final RecordingEventPublisher publisher = APP.publisher();
    private String address;

    @BeforeEach
    void resetPublisherAndPickAddress() {
        publisher.reset();
        address = "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private Reply order(String userId, String skuId, String clientRequestId) {
        String body = "{\"skuId\": \"" + skuId + "\", \"quantity\": 1, \"clientRequestId\": \"" + clientRequestId + "\"}";
        return APP.post("/v1/orders", body, Map.of(
                "Authorization", "Bearer " + APP.token(userId, Role.SHOPPER),
                "X-Forwarded-For", "10.0.0.1, " + address));
    }

    @Test
    void userBeyondBurstIsRateLimitedWithRetryAfter() {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(order("rate-user", "sku-" + i, "tap-" + i));
        }

        assertThat(replies.subList(0, 4)).extracting(Reply::status).containsOnly(202);
        Reply limited = replies.get(4);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        // 1 token per 5 s; time spent sending the burst shortens the wait, so only its range is fixed.
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 5L);
        assertThat(publisher.published()).hasSize(4);
    }

    @Test
    void addressBeyondBurstIsRateLimitedAcrossUsers() {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            replies.add(order("address-user-" + i, "sku-1", "tap-1"));
        }

        assertThat(replies.subList(0, 6)).extracting(Reply::status).containsOnly(202);
        assertThat(replies.get(6).status()).isEqualTo(429);
        assertThat(replies.get(6).json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(replies.get(6).header("Retry-After"))).isBetween(1L, 10L);
    }

    @Test
    void fourthOpenOrderForSameSkuIsRejected() {
        order("open-user", "sku-1", "tap-1");
        order("open-user", "sku-1", "tap-2");
        order("open-user", "sku-1", "tap-3");

        Reply fourth = order("open-user", "sku-1", "tap-4");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("code").asText()).isEqualTo("TOO_MANY_OPEN_ORDERS");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(publisher.published()).hasSize(3);
    }

    @Test
    void doubleTapDoesNotCountAgainstOpenOrders() {
        order("tap-user", "sku-1", "tap-1");
        order("tap-user", "sku-1", "tap-2");

        Reply doubleTap = order("tap-user", "sku-1", "tap-2");
        Reply third = order("tap-user", "sku-1", "tap-3");

        assertThat(doubleTap.status()).isEqualTo(202);
        assertThat(third.status()).as("body %s", third.body()).isEqualTo(202);
        assertThat(publisher.published())
                .extracting(published -> ((OrderSubmitted) published.event()).getClientRequestId())
                .containsExactly("tap-1", "tap-2", "tap-2", "tap-3");
    }

    @Test
    void rejectedRequestsConsumeNoQuota() {
        publisher.failSends();
        for (int i = 0; i < 6; i++) {
            assertThat(order("refund-user", "sku-1", "tap-" + i).status()).isEqualTo(503);
        }
        publisher.overloadSends();
        assertThat(order("refund-user", "sku-1", "tap-x").status()).isEqualTo(429);
        publisher.reset();

        List<Reply> afterRecovery = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            afterRecovery.add(order("refund-user", "sku-1", "tap-ok-" + i));
        }

        assertThat(afterRecovery).extracting(Reply::status).containsOnly(202);
    }

    @Test
    void fullProducerBufferAnswersOverloaded() {
        publisher.overloadSends();

        Reply reply = order("buffer-user", "sku-1", "tap-1");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.json().get("code").asText()).isEqualTo("OVERLOADED");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void fullInFlightAnswersOverloadedAtOnceWithoutPublishing() throws Exception {
        publisher.neverAcknowledge();
        Thread first = new Thread(() -> order("flight-user-1", "sku-1", "tap-1"));
        Thread second = new Thread(() -> order("flight-user-2", "sku-1", "tap-1"));
        first.start();
        second.start();
        while (publisher.published().size() < 2) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();

        Reply third = order("flight-user-3", "sku-1", "tap-1");

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("code").asText()).isEqualTo("OVERLOADED");
        assertThat(third.header("Retry-After")).isEqualTo("1");
        assertThat(elapsedMs).isLessThan(1_000);
        assertThat(publisher.published()).hasSize(2);
        first.join();
        second.join();
    }
}
