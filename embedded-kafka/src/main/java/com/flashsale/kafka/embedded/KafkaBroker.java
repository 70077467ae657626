package com.flashsale.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (combined broker and controller) running in a child JVM with the
 * jars of kafka-lib on its classpath. The broker never shares the caller's classpath, so its
 * dependencies cannot clash with a service's.
 *
 * <p>Not thread-safe: one owner starts and stops it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";
    private static final String MAX_HEAP = "-Xmx512m";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final BrokerSettings settings;
    private final Optional<QuorumMember> member;
    private Process process;

    /** A single-node cluster: this broker is the only controller. */
    public KafkaBroker(BrokerSettings settings) {
        this(settings, Optional.empty());
    }

    /** One node of a multi-node cluster; {@link KafkaCluster} starts such nodes together. */
    public KafkaBroker(BrokerSettings settings, QuorumMember member) {
        this(settings, Optional.of(member));
    }

    private KafkaBroker(BrokerSettings settings, Optional<QuorumMember> member) {
        this.settings = settings;
        this.member = member;
    }

    public BrokerSettings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public Path logFile() {
        return settings.logFile();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Formats the storage on first use, starts the broker and waits until it responds to an admin
     * request.
     *
     * @throws PortInUseException when the client or controller port is taken
     * @throws IllegalStateException when the broker exits or does not respond within the start timeout
     */
    public void start() {
        launch();
        awaitReady();
    }

    /**
     * Formats the storage on first use and starts the broker process without waiting for it. A
     * node of a multi-node cluster responds only once a majority of the voters runs, so the cluster
     * launches every node before it waits for any.
     */
    void launch() {
        if (isAlive()) {
            throw new IllegalStateException("Kafka broker is already running at " + bootstrapServers());
        }
        Ports.requireFree(settings.host(), settings.clientPort(), "Kafka client listener");
        Ports.requireFree(settings.host(), settings.controllerPort(), "Kafka controller listener");
        try {
            Files.createDirectories(settings.dataDirectory());
            BrokerFiles.write(settings, member);
            formatStorageOnce();
            LOG.info("Starting Kafka broker bootstrapServers={} dataDirectory={}", bootstrapServers(),
                    settings.dataDirectory());
            process = startJava(BROKER_MAIN, settings.propertiesFile().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker in " + settings.dataDirectory(), e);
        }
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), then forcibly after 30 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit(STOP_TIMEOUT)) {
            LOG.warn("Kafka broker did not stop within {} s; killing it pid={}", STOP_TIMEOUT.toSeconds(), process.pid());
            kill();
            return;
        }
        LOG.info("Kafka broker stopped bootstrapServers={}", bootstrapServers());
        process = null;
    }

    /** Sends SIGTERM without waiting, so that a cluster can stop all its nodes at once. */
    void beginStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Kills the broker with SIGKILL, as a crash would; the data directory stays for a restart. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(STOP_TIMEOUT);
        process = null;
    }

    /** The operating system's process id of the running broker. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Kafka broker is not running at " + bootstrapServers());
        }
        return process.pid();
    }

    /**
     * Freezes the broker with SIGSTOP, as a long garbage-collection pause or a hung host would:
     * its sockets stay open but it responds to nothing until {@link #resume()}.
     */
    public void pause() {
        signal("STOP");
    }

    /** Continues a broker that {@link #pause()} froze, with SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        stop();
    }

    private void signal(String name) {
        long pid = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("Sending SIG" + name + " to the Kafka broker pid=" + pid + " failed");
            }
            LOG.info("Sent SIG{} to Kafka broker bootstrapServers={} pid={}", name, bootstrapServers(), pid);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run kill -" + name + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + name + " to pid=" + pid, e);
        }
    }

    private void formatStorageOnce() throws IOException {
        if (Files.exists(settings.logDirectory().resolve("meta.properties"))) {
            return;
        }
        String clusterId = member.map(QuorumMember::clusterId).orElseGet(() -> Uuid.randomUuid().toString());
        LOG.info("Formatting Kafka storage clusterId={} logDirectory={}", clusterId, settings.logDirectory());
        List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c",
                settings.propertiesFile().toString()));
        // A cluster node's static controller.quorum.voters already names the quorum; only a single
        // node bootstraps a dynamic quorum of itself.
        if (member.isEmpty()) {
            arguments.add("--standalone");
        }
        Process format = startJava(STORAGE_TOOL_MAIN, arguments.toArray(String[]::new));
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage timed out after "
                        + FORMAT_TIMEOUT.toSeconds() + " s; see " + logFile());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with exit code "
                    + format.exitValue() + "; see " + logFile());
        }
    }

    private Process startJava(String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MAX_HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dlog4j2.configurationFile=" + settings.logConfigFile().toUri());
        command.add("-cp");
        command.add(settings.kafkaLib().resolve("*").toString());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .directory(settings.dataDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
    }

    /**
     * Waits until the broker responds to an admin request.
     *
     * @throws IllegalStateException when the broker exits or does not respond within the start timeout
     */
    void awaitReady() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (true) {
                if (!process.isAlive()) {
                    int exitCode = process.exitValue();
                    process = null;
                    throw new IllegalStateException("Kafka broker exited during start with exit code "
                            + exitCode + "; see " + logFile());
                }
                if (clusterAnswers(admin)) {
                    LOG.info("Kafka broker is ready bootstrapServers={} pid={}", bootstrapServers(), process.pid());
                    return;
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IllegalStateException("Kafka broker did not respond at " + bootstrapServers()
                            + " within " + settings.startTimeout().toSeconds() + " s; see " + logFile());
                }
                sleep(POLL_INTERVAL);
            }
        }
    }

    private static boolean clusterAnswers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
