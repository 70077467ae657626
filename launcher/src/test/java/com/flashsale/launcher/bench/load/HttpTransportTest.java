package com.flashsale.launcher.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator with the real clock and HTTP client against a small server on 127.0.0.1. */
class HttpTransportTest {

    private HttpServer server;
    private ExecutorService serverThreads;
    private final HttpClient http = HttpTransport.newClient();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/accept", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        serverThreads = Executors.newFixedThreadPool(16);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void everyRequestIsAnswered() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(NanoClock.SYSTEM, 32, Duration.ofSeconds(5));

        StepResult result = generator.run(200, Duration.ofMillis(500), transport("/accept"), 202);

        assertThat(result.requests()).isEqualTo(100);
        assertThat(result.succeeded()).isEqualTo(100);
        assertThat(result.errors()).isZero();
        assertThat(result.p50Ms()).isPositive().isLessThan(500);
    }

    @Test
    void slowServerTimesOut() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(NanoClock.SYSTEM, 32, Duration.ofMillis(200));

        StepResult result = generator.run(20, Duration.ofMillis(250), transport("/slow"), 202);

        assertThat(result.requests()).isEqualTo(5);
        assertThat(result.errorKinds()).isEqualTo(Map.of("timeout", 5L));
        assertThat(result.p50Ms()).isGreaterThanOrEqualTo(200);
    }

    private Transport transport(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HttpTransport(http, index -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"index\": " + index + "}")));
    }
}
