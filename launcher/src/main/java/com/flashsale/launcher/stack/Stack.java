package com.flashsale.launcher.stack;

import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.kafka.embedded.TopicSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded pipeline: a single-node Kafka broker, the topics and the three services, each in its
 * own process. {@link #close()} stops them in reverse order and may be called from a shutdown hook.
 * With an {@link ExternalKafka} the stack starts no broker and runs the services against that cluster.
 */
public final class Stack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    /** The {@code iss} claim that the services expect, as in docs/architecture.md. */
    public static final String TOKEN_ISSUER = "flashsale";

    /** Of the topics on the stack's own single broker. */
    private static final short REPLICATION_FACTOR = 1;
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String BUILD_HINT = "Run `mvn -B -DskipTests package` in the repository root first.";

    private final StackSettings settings;
    private final Optional<ExternalKafka> externalKafka;
    private final Deque<ServiceProcess> services = new ArrayDeque<>();
    private KafkaBroker broker;
    private String jwtSecret;
    private boolean closed;

    public Stack(StackSettings settings) {
        this.settings = settings;
        this.externalKafka = Optional.empty();
    }

    /** A stack whose services use {@code kafka}; it creates the topics there but starts and stops no broker. */
    public Stack(StackSettings settings, ExternalKafka kafka) {
        this.settings = settings;
        this.externalKafka = Optional.of(kafka);
    }

    public StackSettings settings() {
        return settings;
    }

    /**
     * Starts the broker and the services of {@link StackSettings#services()} and waits until each
     * service reports healthy. On any failure it stops what it had started and rethrows.
     */
    public synchronized void start() {
        requireJars();
        if (externalKafka.isPresent()) {
            settings.ports().requireServicePortsFree();
        } else {
            settings.ports().requireAllFree();
        }
        try {
            Files.createDirectories(settings.logDirectory());
            jwtSecret = JwtSecretFile.loadOrCreate(settings.jwtSecretFile());
            if (externalKafka.isPresent()) {
                createTopics(externalKafka.get().bootstrapServers());
            } else {
                startBroker();
            }
            startServices();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not prepare the data directory " + settings.dataDirectory(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Issues tokens that the running services accept. */
    public TokenIssuer tokenIssuer() {
        if (jwtSecret == null) {
            throw new IllegalStateException("The stack has not been started");
        }
        return new TokenIssuer(new JwtSettings(jwtSecret, TOKEN_ISSUER));
    }

    public String bootstrapServers() {
        return externalKafka.map(ExternalKafka::bootstrapServers)
                .orElseGet(() -> Ports.LOOPBACK + ":" + settings.ports().kafka());
    }

    public Topics topics() {
        return new Topics(settings.topicPrefix());
    }

    /** Stops the services in reverse start order, then the broker. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!services.isEmpty()) {
            services.pop().stop(SERVICE_STOP_TIMEOUT);
        }
        if (broker != null) {
            broker.stop();
        }
    }

    /** The environment that the stack gives {@code service}, for running other commands of its jar. */
    public Map<String, String> environment(Service service) {
        if ((broker == null && externalKafka.isEmpty()) || jwtSecret == null) {
            throw new IllegalStateException("The stack has not been started");
        }
        return ServiceEnvironment.of(service, settings, bootstrapServers(), replicationFactor(), jwtSecret);
    }

    /** Stops one service and leaves the others running; {@link #startService} starts it again. */
    public synchronized void stopService(Service service) {
        for (ServiceProcess process : List.copyOf(services)) {
            if (process.service() == service) {
                process.stop(SERVICE_STOP_TIMEOUT);
                services.remove(process);
            }
        }
    }

    /**
     * Kills one service with SIGKILL, as a crash would, and leaves the others running; {@link #startService}
     * starts it again on the same data.
     */
    public synchronized void kill(Service service) {
        for (ServiceProcess process : List.copyOf(services)) {
            if (process.service() == service) {
                process.kill(SERVICE_STOP_TIMEOUT);
                services.remove(process);
            }
        }
    }

    /** Starts a service that {@link #stopService} or {@link #kill} stopped and waits until it reports healthy. */
    public synchronized void startService(Service service) {
        if (closed) {
            throw new IllegalStateException("The stack has been stopped");
        }
        startService(service, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    private void requireJars() {
        for (Service service : Service.values()) {
            Path jar = service.jar(settings.repositoryRoot());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + jar + ". " + BUILD_HINT);
            }
            Path config = service.config(settings.repositoryRoot());
            if (!Files.isRegularFile(config)) {
                throw new IllegalStateException("Missing " + config + "; is " + settings.repositoryRoot()
                        + " the repository root?");
            }
        }
    }

    private void startBroker() {
        BrokerSettings brokerSettings = new BrokerSettings(settings.kafkaDirectory(), Ports.LOOPBACK,
                settings.ports().kafka(), settings.ports().kafkaController(), settings.kafkaLib(),
                BrokerSettings.DEFAULT_START_TIMEOUT);
        broker = new KafkaBroker(brokerSettings);
        broker.start();
        createTopics(broker.bootstrapServers());
    }

    private void createTopics(String bootstrapServers) {
        new TopicSetup(bootstrapServers, topics(), settings.partitions(), replicationFactor()).createTopics();
    }

    private short replicationFactor() {
        return externalKafka.map(ExternalKafka::replicationFactor).orElse(REPLICATION_FACTOR);
    }

    private void startServices() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service service : List.of(Service.values())) {
            if (settings.services().contains(service)) {
                startService(service, http);
            }
        }
    }

    private void startService(Service service, HttpClient http) {
        Path logFile = settings.logDirectory().resolve(service.module() + ".log");
        ServiceProcess process = ServiceProcess.start(service, settings.repositoryRoot(), logFile, environment(service));
        services.push(process);
        process.awaitHealthy(http, service.adminPort(settings.ports()), settings.healthTimeout());
        LOG.info("Service is healthy service={} port={}", service.module(), service.port(settings.ports()));
    }
}
