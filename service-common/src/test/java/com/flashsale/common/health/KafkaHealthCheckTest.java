package com.flashsale.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.common.config.KafkaSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class KafkaHealthCheckTest {

    @Test
    void unreachableBrokerIsUnhealthyWithinTimeout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        KafkaHealthCheck check = new KafkaHealthCheck(new KafkaSettings("127.0.0.1:" + port, "test."), "test-health");
        long start = System.nanoTime();

        HealthCheck.Result result = check.execute();

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("127.0.0.1:" + port);
        assertThat(elapsedMs).isLessThan(5_000);
    }
}
