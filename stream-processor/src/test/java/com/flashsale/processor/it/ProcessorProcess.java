package com.flashsale.processor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.kafka.embedded.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stream processor's shaded jar running as a child JVM, configured through the environment
 * variables its config.yml reads. A test can kill it with SIGKILL and start it again on the same
 * state directory, as a crash and a restart by a supervisor would.
 */
final class ProcessorProcess implements AutoCloseable {

    private static final String JAR_PROPERTY = "flashsale.processor.jar";
    private static final String CONFIG_PROPERTY = "flashsale.processor.config";
    private static final Duration HEALTH_POLL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int adminPort;

    /**
     * @param environment variables for config.yml, such as KAFKA_BOOTSTRAP_SERVERS; the ports are
     *     chosen on each start
     * @param logFile where the child's standard output and error are appended
     */
    ProcessorProcess(Map<String, String> environment, Path logFile) {
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    /** Starts the child JVM and returns at once; {@link #awaitRunning} waits for Kafka Streams. */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the processor is already running pid=" + process.pid());
        }
        List<Integer> ports = Ports.findFree(2);
        adminPort = ports.get(1);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", locate(JAR_PROPERTY, "target/stream-processor.jar").toString(),
                "server", locate(CONFIG_PROPERTY, "config.yml").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PROCESSOR_PORT", Integer.toString(ports.get(0)));
        env.put("PROCESSOR_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().putAll(env);
        process = builder.start();
    }

    /**
     * Waits until the health check reports Kafka Streams RUNNING, not merely REBALANCING, which
     * the health check also counts as healthy.
     *
     * @return the time waited
     * @throws IllegalStateException when the child exits or the timeout passes first
     */
    Duration awaitRunning(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the processor exited with code " + process.exitValue()
                        + " before it was RUNNING; the end of " + logFile + ":\n" + logTail(20));
            }
            if ("RUNNING".equals(streamsState())) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
        throw new IllegalStateException("the processor was not RUNNING within " + timeout.toSeconds()
                + " s (last state " + streamsState() + "); the end of " + logFile + ":\n" + logTail(20));
    }

    /** Returns the Kafka Streams state that the admin health check reports, or "unreachable". */
    String streamsState() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode check = JSON.readTree(response.body()).path("kafka-streams");
            return check.path("message").asText("unknown");
        } catch (IOException e) {
            return "unreachable";
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the child with SIGKILL, so Kafka Streams gets no chance to commit or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the processor did not die after SIGKILL pid=" + process.pid());
        }
    }

    /** Stops the child with SIGTERM, which closes Kafka Streams cleanly, and with SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }

    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private static Path locate(String property, String fallback) {
        Path path = Paths.get(System.getProperty(property, fallback)).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " not found; run `mvn -B -pl embedded-kafka,stream-processor verify`"
                    + " so that the shaded jar is built before the integration tests");
        }
        return path;
    }
}
