package com.flashsale.common.health;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.common.config.KafkaSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Checks the Kafka cluster: healthy when {@code describeCluster} succeeds within
 * {@link #TIMEOUT}. Each check uses a short-lived admin client, so no client keeps reconnecting in
 * the background while the broker is down.
 */
public class KafkaHealthCheck extends HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    /** Name under which the services register this check. */
    public static final String NAME = "kafka";

    private final KafkaSettings kafka;
    private final String clientId;

    /**
     * @param clientId the admin client's {@code client.id}, so that broker logs show which service asked
     */
    public KafkaHealthCheck(KafkaSettings kafka, String clientId) {
        this.kafka = kafka;
        this.clientId = clientId;
    }

    @Override
    protected Result check() throws InterruptedException {
        int timeoutMs = Math.toIntExact(TIMEOUT.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);

        Admin admin = Admin.create(config);
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .nodes()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Result.healthy("brokers=%d", nodes.size());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return Result.unhealthy("Kafka at %s did not respond within %d ms: %s",
                    kafka.getBootstrapServers(), timeoutMs, cause);
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }
}
