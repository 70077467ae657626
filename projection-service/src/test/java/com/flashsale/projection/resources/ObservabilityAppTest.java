package com.flashsale.projection.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.common.openapi.OpenApiOperations;
import com.flashsale.common.openapi.OpenApiResource;
import com.flashsale.projection.ProjectionApplication;
import com.flashsale.projection.config.ProjectionConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service with no broker reachable: its admin port serves Prometheus metrics and health checks,
 * and its OpenAPI document matches the registered resources.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ObservabilityAppTest {

    private static final String SECRET = "test-secret-of-at-least-32-characters!";

    private static final DropwizardAppExtension<ProjectionConfiguration> APP = new DropwizardAppExtension<>(
            ProjectionApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("database.url", "jdbc:h2:" + temporaryDirectory().resolve("projection")
                    + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"),
            ConfigOverride.config("jwt.secret", SECRET),
            // Nothing listens on port 1, so the consumer never reaches a broker.
            ConfigOverride.config("kafka.bootstrapServers", "127.0.0.1:1"));

    private final HttpClient http = HttpClient.newHttpClient();

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("projection-observability-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminMetricsShowRequestsAndConsumerSeries() throws Exception {
        String token = new TokenIssuer(new JwtSettings(SECRET, "flashsale")).issue("alice", Role.SHOPPER,
                Duration.ofMinutes(5));
        HttpResponse<String> page = get(APP.getLocalPort(), "/v1/users/me/orders", token);

        HttpResponse<String> metrics = get(APP.getAdminPort(), "/metrics", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        String body = metrics.body();
        assertThat(body).containsPattern("(?m)^io_dropwizard_jetty_\\S*2xx_responses_total [1-9]");
        assertThat(body).contains("flashsale_projection_consumer_lag_records 0.0");
        assertThat(body).contains("flashsale_projection_consumer_records_lag_max 0.0");
        assertThat(body).contains("flashsale_projection_batch_apply_seconds_count 0");
        assertThat(body).contains("flashsale_projection_event_lag_seconds_bucket");
        assertThat(body).contains("ProjectionConsumer_skipped_records_total");
    }

    @Test
    void kafkaHealthCheckFailsWithoutBroker() throws Exception {
        HttpResponse<String> response = get(APP.getAdminPort(), "/healthcheck", null);

        JsonNode checks = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(checks.path("kafka").path("healthy").asBoolean(true)).isFalse();
        assertThat(checks.path("kafka").path("message").asText()).contains("127.0.0.1:1");
        assertThat(checks.path("projection-lag").path("healthy").asBoolean(false)).isTrue();
        assertThat(checks.path("database").path("healthy").asBoolean(false)).isTrue();
    }

    @Test
    void openApiDocumentListsExactlyTheRegisteredOperations() throws Exception {
        Set<String> documented;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiResource.RESOURCE)) {
            documented = OpenApiOperations.documented(in);
        }
        ResourceConfig config = APP.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> resourceClasses = Stream.concat(config.getClasses().stream(),
                        config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .toList();

        Set<String> registered = OpenApiOperations.registered(resourceClasses);

        assertThat(registered).contains("GET /v1/orders/{orderId}", "GET /v1/skus", "GET /openapi.yaml");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void openApiDocumentIsServedWithoutToken() throws Exception {
        HttpResponse<String> response = get(APP.getLocalPort(), "/openapi.yaml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.");
    }
}
