package com.flashsale.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusMetricsTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> scrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + EXTENSION.getAdminPort() + "/metrics")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminMetricsUseThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = scrape();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void acceptedOrderAndRejectionAreCounted() throws Exception {
        Map<String, String> shopper = Map.of("Authorization", "Bearer " + APP.token("metrics-user", Role.SHOPPER));
        Reply accepted = APP.post("/v1/orders",
                "{\"skuId\": \"sku-m\", \"quantity\": 1, \"clientRequestId\": \"m-1\"}", shopper);
        Reply rejected = APP.post("/v1/orders", "{\"skuId\": \"sku-m\"}", shopper);
        Reply unauthorized = APP.post("/v1/orders", "{}", Map.of());

        String body = scrape().body();

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(body).containsPattern("(?m)^flashsale_ingest_accepted_total\\{operation=\"submit\"} [1-9]");
        assertThat(body).containsPattern("(?m)^flashsale_ingest_rejected_total\\{code=\"MISSING_FIELD\"} [1-9]");
        assertThat(body).containsPattern("(?m)^flashsale_ingest_rejected_total\\{code=\"MISSING_TOKEN\"} [1-9]");
        assertThat(body).containsPattern(
                "(?m)^flashsale_ingest_accept_duration_seconds_count\\{operation=\"submit\"} [1-9]");
        assertThat(body).containsPattern("(?m)^io_dropwizard_jetty_\\S*2xx_responses_total [1-9]");
    }
}
