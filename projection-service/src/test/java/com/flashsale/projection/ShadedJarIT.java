package com.flashsale.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the shaded jar as operators do, against a fresh H2 file and with no Kafka broker, and
 * checks that the Liquibase migrations ran: the shade plugin must keep Liquibase's service files.
 */
class ShadedJarIT {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls the admin ping, because the health check fails on purpose here: no broker runs. */
    private static boolean adminAnswers(HttpClient http, int adminPort) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/ping"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void shadedJarMigratesDatabaseAndStops() throws Exception {
        Path directory = Files.createTempDirectory("projection-shaded-jar");
        String databaseUrl = "jdbc:h2:" + directory.resolve("projection")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Path output = directory.resolve("service.log");

        runUntilAnswering(databaseUrl, output);

        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(log).contains("Started the projection consumer").contains("Stopped the projection consumer");
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet changeSets = statement.executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
            changeSets.next();
            assertThat(changeSets.getInt(1)).isEqualTo(7);
            statement.executeQuery("SELECT order_id FROM orders").close();
            statement.executeQuery("SELECT event_id FROM order_history").close();
        }
    }

    @Test
    void shadedJarStartsAgainOnItsOwnDatabase() throws Exception {
        Path directory = Files.createTempDirectory("projection-restart");
        String databaseUrl = "jdbc:h2:" + directory.resolve("projection")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

        runUntilAnswering(databaseUrl, directory.resolve("first.log"));

        runUntilAnswering(databaseUrl, directory.resolve("second.log"));
    }

    /** Starts the jar, waits for its admin port, asserts it is still alive, and stops it. */
    private static void runUntilAnswering(String databaseUrl, Path output) throws Exception {
        int adminPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/projection-service.jar", "server", "config.yml")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("FLASHSALE_JWT_SECRET", "shaded-jar-test-secret-0123456789abcdef");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort());
        builder.environment().put("PROJECTION_PORT", Integer.toString(freePort()));
        builder.environment().put("PROJECTION_ADMIN_PORT", Integer.toString(adminPort));

        Process service = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !service.isAlive() || adminAnswers(http, adminPort));
            assertThat(service.isAlive()).as("service output:%n%s", Files.readString(output, StandardCharsets.UTF_8))
                    .isTrue();
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
    }
}
