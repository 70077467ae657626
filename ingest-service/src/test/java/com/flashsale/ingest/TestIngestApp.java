package com.flashsale.ingest;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.ingest.config.IngestConfiguration;
import com.flashsale.ingest.core.EventPublisher;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The real application on random ports, plus helpers that send raw HTTP requests and sign tokens.
 * By default its Kafka publisher is swapped for a {@link RecordingEventPublisher}. {@link #withKafka}
 * keeps the real publisher and health check for integration tests.
 */
public final class TestIngestApp {

    public static final String SECRET = "test-only-signing-key-0123456789abcdef";
    public static final String TOPIC_PREFIX = "test.";
    public static final String PROJECTION_URL = "http://127.0.0.1:18090";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final DropwizardAppExtension<IngestConfiguration> extension;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final TokenIssuer issuer = new TokenIssuer(new JwtSettings(SECRET, "flashsale"));

    public TestIngestApp() {
        this("ingest-test.yml", true);
    }

    private TestIngestApp(String configResource, boolean recordEvents, ConfigOverride... overrides) {
        ConfigOverride[] allOverrides = Stream.concat(Stream.of(ConfigOverride.randomPorts()), Stream.of(overrides))
                .toArray(ConfigOverride[]::new);
        DropwizardTestSupport<IngestConfiguration> support = new DropwizardTestSupport<>(
                IngestApplication.class, ResourceHelpers.resourceFilePath(configResource), allOverrides) {
            @Override
            public Application<IngestConfiguration> newApplication() {
                if (!recordEvents) {
                    return new IngestApplication();
                }
                return new IngestApplication() {
                    @Override
                    protected EventPublisher createPublisher(IngestConfiguration config, Environment environment) {
                        return publisher;
                    }
                };
            }
        };
        this.extension = new DropwizardAppExtension<>(support);
    }

    /** Builds the application with the in-memory publisher and the given settings changed. */
    public static TestIngestApp withOverrides(ConfigOverride... overrides) {
        return new TestIngestApp("ingest-test.yml", true, overrides);
    }

    /**
     * Builds the application with its real Kafka publisher and {@code kafka} health check. The
     * caller starts and stops it with {@code extension().before()} and {@code after()}, so that a
     * broker can be started first.
     */
    public static TestIngestApp withKafka(String configResource, ConfigOverride... overrides) {
        return new TestIngestApp(configResource, false, overrides);
    }

    public DropwizardAppExtension<IngestConfiguration> extension() {
        return extension;
    }

    public RecordingEventPublisher publisher() {
        return publisher;
    }

    public String token(String userId, Role role) {
        return issuer.issue(userId, role, Duration.ofMinutes(5));
    }

    /** Signs a token that passes the signature check but has no subject. */
    public static String tokenWithoutSubject() {
        return JWT.create()
                .withIssuer("flashsale")
                .withClaim("role", "shopper")
                .withExpiresAt(java.time.Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC256(SECRET));
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, String body, Map<String, String> headers) {
        return send("PUT", path, body, headers);
    }

    /** Sends a POST with an empty body and no {@code Content-Type}, as a bare command call does. */
    public Reply postWithoutContentType(String path, Map<String, String> headers) {
        HttpRequest.Builder request = newRequest(path)
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return execute(request);
    }

    /**
     * Sends a request with the given headers; a {@code Content-Type} among them replaces the default
     * {@code application/json}, and a null value of it sends none.
     */
    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = newRequest(path)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> allHeaders = new HashMap<>();
        allHeaders.put("Content-Type", "application/json");
        allHeaders.putAll(headers);
        allHeaders.forEach((name, value) -> {
            if (value != null) {
                request.setHeader(name, value);
            }
        });
        return execute(request);
    }

    /** Sends a JSON POST without waiting for the response. */
    public CompletableFuture<Reply> postAsync(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = newRequest(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.body(), response.headers().map()));
    }

    /** Sends a JSON POST whose body has no declared length, so it goes out with chunked transfer encoding. */
    public Reply postChunked(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = newRequest(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        headers.forEach(request::setHeader);
        return execute(request);
    }

    private HttpRequest.Builder newRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + extension.getLocalPort() + path))
                .timeout(Duration.ofSeconds(10))
                // A fresh connection per request: Jetty may close a connection after responding
                // before the body was read (a 401), and the client does not retry a POST that
                // raced that close.
                .header("Connection", "close");
    }

    private Reply execute(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, body and headers of an HTTP response. */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Response body is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
