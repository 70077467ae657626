package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With {@code benchmarkBaseline} set, the benchmark's baseline endpoint returns the same 202 as
 * {@code POST /v1/orders} for a valid order, rejects the same bad requests, and sends nothing. A separate class
 * checks that it is absent by default, because config overrides are JVM-wide system properties
 * that would leak into a second application of this class.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BenchmarkOrderResourceTest {

    private static final TestIngestApp WITH_BASELINE = TestIngestApp.withOverrides(
            ConfigOverride.config("benchmarkBaseline", "true"),
            // A burst of one: if the baseline took permits, a shopper's second baseline order would get 429.
            ConfigOverride.config("limits.perUser.permitsPerSecond", "1"),
            ConfigOverride.config("limits.perUser.burst", "1"));
    private static final DropwizardAppExtension<?> WITH_BASELINE_EXTENSION = WITH_BASELINE.extension();

    private static final String BASELINE = "/v1/benchmark/orders";
    private static final String ORDERS = "/v1/orders";
    private static final String ORDER = """
            {"skuId": "sku-1", "quantity": 2, "clientRequestId": "tap-1"}""";

    @BeforeEach
    void resetPublishers() {
        WITH_BASELINE.publisher().reset();
    }

    @Test
    void baselineReturnsOrderEndpointBody() {
        Reply order = WITH_BASELINE.post(ORDERS, ORDER, shopper(WITH_BASELINE, "shopper-1"));
        Reply baseline = WITH_BASELINE.post(BASELINE, ORDER, shopper(WITH_BASELINE, "shopper-2"));
        Reply sameShopperBaseline = WITH_BASELINE.post(BASELINE, ORDER, shopper(WITH_BASELINE, "shopper-1"));

        assertThat(order.status()).isEqualTo(202);
        assertThat(baseline.status()).isEqualTo(202);
        assertThat(sameShopperBaseline.status()).isEqualTo(202);
        assertThat(sameShopperBaseline.json()).isEqualTo(order.json());
        assertThat(baseline.json().get("orderId").asText()).isNotEqualTo(order.json().get("orderId").asText());
        assertThat(baseline.header("X-Request-Id")).isNotBlank();
        assertThat(WITH_BASELINE.publisher().published()).hasSize(1);
    }

    @Test
    void baselineTakesNoRateLimitPermits() {
        Map<String, String> headers = shopper(WITH_BASELINE, "shopper-3");

        Reply first = WITH_BASELINE.post(BASELINE, ORDER, headers);
        Reply second = WITH_BASELINE.post(BASELINE, ORDER.replace("tap-1", "tap-2"), headers);
        Reply order = WITH_BASELINE.post(ORDERS, ORDER, headers);
        Reply limitedOrder = WITH_BASELINE.post(ORDERS, ORDER.replace("tap-1", "tap-3"), headers);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(order.status()).isEqualTo(202);
        assertThat(limitedOrder.status()).isEqualTo(429);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"skuId\": \"sku-1\", ", 400, "INVALID_JSON"),
                Arguments.of("unknown field", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"t\", "
                        + "\"userId\": \"victim\"}", 400, "UNKNOWN_FIELD"),
                Arguments.of("missing quantity", "{\"skuId\": \"sku-1\", \"clientRequestId\": \"tap-1\"}",
                        400, "MISSING_FIELD"),
                Arguments.of("quantity as string", "{\"skuId\": \"sku-1\", \"quantity\": \"2\", \"clientRequestId\": \"t\"}",
                        400, "INVALID_FIELD"),
                Arguments.of("zero quantity", "{\"skuId\": \"sku-1\", \"quantity\": 0, \"clientRequestId\": \"t\"}",
                        400, "INVALID_FIELD"),
                Arguments.of("quantity above the configured maximum",
                        "{\"skuId\": \"sku-1\", \"quantity\": 6, \"clientRequestId\": \"t\"}", 400, "INVALID_FIELD"),
                Arguments.of("skuId with newline", "{\"skuId\": \"sku\\n1\", \"quantity\": 1, \"clientRequestId\": \"t\"}",
                        400, "INVALID_FIELD"),
                Arguments.of("duplicate key", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"quantity\": 5, "
                        + "\"clientRequestId\": \"t\"}", 400, "INVALID_JSON"),
                Arguments.of("oversized body", "{\"skuId\": \"" + "s".repeat(9000) + "\", \"quantity\": 1, "
                        + "\"clientRequestId\": \"t\"}", 413, "PAYLOAD_TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void baselineRejectsBadBodiesLikeOrderEndpoint(String name, String body, int expectedStatus, String expectedCode) {
        Reply baseline = WITH_BASELINE.post(BASELINE, body, shopper(WITH_BASELINE, "shopper-4"));
        Reply order = WITH_BASELINE.post(ORDERS, body, shopper(WITH_BASELINE, "shopper-5"));

        assertThat(baseline.status()).as("baseline status of %s", name).isEqualTo(expectedStatus);
        assertThat(baseline.json().get("code").asText()).as("baseline code of %s", name).isEqualTo(expectedCode);
        assertThat(order.status()).as("order status of %s", name).isEqualTo(expectedStatus);
        assertThat(baseline.json()).as("baseline body of %s", name).isEqualTo(order.json());
        assertThat(WITH_BASELINE.publisher().published()).as("events published for %s", name).isEmpty();
    }

    @Test
    void baselineRejectsMissingToken() {
        Reply reply = WITH_BASELINE.post(BASELINE, ORDER, Map.of());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asText()).isEqualTo("MISSING_TOKEN");
    }

    @Test
    void baselineRejectsMerchantToken() {
        Reply reply = WITH_BASELINE.post(BASELINE, ORDER,
                Map.of("Authorization", "Bearer " + WITH_BASELINE.token("merchant-1", Role.MERCHANT)));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    private static Map<String, String> shopper(TestIngestApp app, String userId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + app.token(userId, Role.SHOPPER));
        return headers;
    }
}
