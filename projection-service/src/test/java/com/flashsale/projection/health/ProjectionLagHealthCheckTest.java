package com.flashsale.projection.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.projection.consumer.ConsumerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProjectionLagHealthCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long MAX_LAG = 50_000;
    private static final Duration MAX_POLL_AGE = Duration.ofSeconds(60);

    private final ConsumerStatus status = new ConsumerStatus();
    private final ProjectionLagHealthCheck check = new ProjectionLagHealthCheck(status, CLOCK, MAX_LAG, MAX_POLL_AGE);

    @Test
    void recentPollWithinLagBoundIsHealthy() {
        status.markStarted(NOW.minusSeconds(300).toEpochMilli());
        status.markPolled(NOW.minusSeconds(1).toEpochMilli(), MAX_LAG, 10);

        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isTrue();
        assertThat(result.getMessage()).contains("lagRecords=50000");
    }

    @Test
    void lagAboveBoundIsUnhealthy() {
        status.markStarted(NOW.minusSeconds(300).toEpochMilli());
        status.markPolled(NOW.minusSeconds(1).toEpochMilli(), MAX_LAG + 1, 10);

        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("50001 records behind");
    }

    @Test
    void stalePollIsUnhealthy() {
        status.markStarted(NOW.minusSeconds(300).toEpochMilli());
        status.markPolled(NOW.minusSeconds(61).toEpochMilli(), 0, 0);

        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("No batch applied for 61000 ms");
    }

    @Test
    void noPollSinceLongAgoStartIsUnhealthy() {
        status.markStarted(NOW.minusSeconds(61).toEpochMilli());

        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
    }

    @Test
    void noPollShortlyAfterStartIsHealthy() {
        status.markStarted(NOW.minusSeconds(5).toEpochMilli());

        HealthCheck.Result result = check.execute();

        assertThat(result.isHealthy()).isTrue();
    }
}
