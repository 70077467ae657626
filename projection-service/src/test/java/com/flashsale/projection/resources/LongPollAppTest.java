package com.flashsale.projection.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.projection.ProjectionApplication;
import com.flashsale.projection.config.ProjectionConfiguration;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.ProjectionJdbi;
import com.flashsale.projection.longpoll.OrderWaiters;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Long polls against the whole service with at most 32 Jetty threads and room for 1,000 waiting
 * queries. Events are applied with the service's own waiter registry as listener, which is what the
 * consumer does after each committed transaction.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LongPollAppTest {

    private static final String SECRET = "test-secret-of-at-least-32-characters!";
    private static final String DATABASE_URL = "jdbc:h2:" + temporaryDirectory() + "/projection"
            + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    private static final TokenIssuer TOKENS = new TokenIssuer(new JwtSettings(SECRET, "flashsale"));
    private static final int MAX_THREADS = 32;
    private static final int CROWD = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DropwizardAppExtension<ProjectionConfiguration> APP = new DropwizardAppExtension<>(
            ProjectionApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("database.url", DATABASE_URL),
            ConfigOverride.config("jwt.secret", SECRET),
            ConfigOverride.config("kafka.bootstrapServers", "127.0.0.1:1"),
            ConfigOverride.config("server.minThreads", "8"),
            ConfigOverride.config("server.maxThreads", Integer.toString(MAX_THREADS)),
            ConfigOverride.config("longPoll.maxWaitingRequests", Integer.toString(CROWD)));

    private static final ExecutorService CLIENT_THREADS = Executors.newFixedThreadPool(4);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(CLIENT_THREADS)
            .build();

    private static EventApplier applier;

    @BeforeAll
    static void openApplier() {
        Jdbi jdbi = ProjectionJdbi.configure(Jdbi.create(DATABASE_URL, "sa", "").installPlugin(new SqlObjectPlugin()));
        applier = new EventApplier(jdbi, Clock.systemUTC(), waiters());
    }

    @AfterAll
    static void stopClient() {
        CLIENT_THREADS.shutdownNow();
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("projection-long-poll-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderWaiters waiters() {
        return APP.<ProjectionApplication>getApplication().orderWaiters();
    }

    private static CompletableFuture<HttpResponse<String>> poll(String path, String userId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("Authorization", "Bearer " + TOKENS.issue(userId, Role.SHOPPER, Duration.ofMinutes(5)))
                .timeout(Duration.ofSeconds(60))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void answersSoonAfterVersionPasses() throws Exception {
        TestEvents order = new TestEvents("poll-change", "sku-1", "alice", 1);
        applier.apply(order.submitted(1));
        CompletableFuture<HttpResponse<String>> response = poll("/v1/orders/poll-change?waitSeconds=20&afterVersion=1",
                "alice");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters().waitingCount() == 1);

        long changed = System.nanoTime();
        applier.apply(order.reserved(2));
        HttpResponse<String> answered = response.get(10, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - changed);

        assertThat(elapsed).isLessThan(Duration.ofSeconds(1));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(body(answered).get("status").asText()).isEqualTo("RESERVED");
        assertThat(body(answered).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void answersCurrentStateAfterTimeout() throws Exception {
        applier.apply(new TestEvents("poll-quiet", "sku-1", "alice", 1).submitted(1));
        long started = System.nanoTime();

        HttpResponse<String> answered = poll("/v1/orders/poll-quiet?waitSeconds=1&afterVersion=1", "alice")
                .get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(body(answered).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body(answered).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void answersAtOnceWhenVersionAlreadyPassed() throws Exception {
        applier.apply(new TestEvents("poll-ahead", "sku-1", "alice", 1).submitted(1));
        long started = System.nanoTime();

        HttpResponse<String> answered = poll("/v1/orders/poll-ahead?waitSeconds=20&afterVersion=0", "alice")
                .get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(answered.statusCode()).isEqualTo(200);
    }

    @Test
    void waitsForOrderNotYetProjected() throws Exception {
        TestEvents order = new TestEvents("poll-late", "sku-1", "alice", 1);
        CompletableFuture<HttpResponse<String>> response = poll("/v1/orders/poll-late?waitSeconds=20", "alice");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters().waitingCount() == 1);

        applier.apply(order.submitted(1));

        HttpResponse<String> answered = response.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(body(answered).get("orderId").asText()).isEqualTo("poll-late");
    }

    @Test
    void unknownOrderIsNotFoundAfterWait() throws Exception {
        long started = System.nanoTime();

        HttpResponse<String> answered = poll("/v1/orders/poll-never?waitSeconds=1", "alice").get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(answered.statusCode()).isEqualTo(404);
        assertThat(body(answered).get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void otherShopperGetsNotFoundWithoutWaiting() throws Exception {
        applier.apply(new TestEvents("poll-private", "sku-1", "alice", 1).submitted(1));
        long started = System.nanoTime();

        HttpResponse<String> answered = poll("/v1/orders/poll-private?waitSeconds=20&afterVersion=5", "mallory")
                .get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(answered.statusCode()).isEqualTo(404);
        assertThat(body(answered).get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void otherShopperGetsNotFoundWhenOrderAppears() throws Exception {
        CompletableFuture<HttpResponse<String>> response = poll("/v1/orders/poll-appears?waitSeconds=20", "mallory");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters().waitingCount() == 1);

        applier.apply(new TestEvents("poll-appears", "sku-1", "alice", 1).submitted(1));

        assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidWaitSecondsIsInvalidParameter() throws Exception {
        for (String value : List.of("-1", "abc", "1.5")) {
            HttpResponse<String> answered = poll("/v1/orders/order-x?waitSeconds=" + value, "alice")
                    .get(10, TimeUnit.SECONDS);

            assertThat(answered.statusCode()).as("waitSeconds=%s", value).isEqualTo(400);
            assertThat(body(answered).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(body(answered).get("message").asText()).contains("waitSeconds");
        }
    }

    @Test
    void thousandPollsWaitWithFewThreads() throws Exception {
        TestEvents order = new TestEvents("poll-crowd", "sku-1", "alice", 1);
        applier.apply(order.submitted(1));
        QueuedThreadPool jetty = (QueuedThreadPool) APP.getEnvironment().getApplicationContext().getServer()
                .getThreadPool();
        int jvmThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            polls.add(poll("/v1/orders/poll-crowd?waitSeconds=25&afterVersion=1", "alice"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> waiters().waitingCount() == CROWD);
        int jvmThreadsWaiting = ManagementFactory.getThreadMXBean().getThreadCount();
        int jettyThreadsWaiting = jetty.getThreads();
        HttpResponse<String> overflow = poll("/v1/orders/poll-crowd?waitSeconds=25&afterVersion=1", "alice")
                .get(10, TimeUnit.SECONDS);

        applier.apply(order.reserved(2));
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        System.out.printf("JVM threads before %d, with %d polls waiting %d; Jetty threads %d%n",
                jvmThreadsBefore, CROWD, jvmThreadsWaiting, jettyThreadsWaiting);
        assertThat(jettyThreadsWaiting).isLessThanOrEqualTo(MAX_THREADS);
        assertThat(jvmThreadsWaiting - jvmThreadsBefore).isLessThan(64);
        assertThat(overflow.statusCode()).isEqualTo(429);
        assertThat(overflow.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(overflow).get("code").asText()).isEqualTo("OVERLOADED");
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            HttpResponse<String> answered = poll.get();
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(body(answered).get("version").asLong()).isEqualTo(2);
        }
        assertThat(waiters().waitingCount()).isZero();
    }
}
