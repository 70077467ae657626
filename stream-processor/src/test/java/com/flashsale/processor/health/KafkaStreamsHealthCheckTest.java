package com.flashsale.processor.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck.Result;
import com.flashsale.processor.lifecycle.StreamsStateTracker;
import com.flashsale.processor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class KafkaStreamsHealthCheckTest {

    private static final Duration GRACE = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final StreamsStateTracker tracker = new StreamsStateTracker(clock);
    private final KafkaStreamsHealthCheck check = new KafkaStreamsHealthCheck(tracker, clock, GRACE);

    @Test
    void unhealthyBeforeStart() {
        Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("CREATED");
    }

    @Test
    void healthyWhileRunning() {
        tracker.onChange(State.REBALANCING, State.CREATED);
        tracker.onChange(State.RUNNING, State.REBALANCING);
        clock.advance(Duration.ofHours(1));

        Result result = check.execute();

        assertThat(result.isHealthy()).isTrue();
    }

    @Test
    void healthyDuringShortRebalance() {
        tracker.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(GRACE);

        Result result = check.execute();

        assertThat(result.isHealthy()).isTrue();
    }

    @Test
    void unhealthyWhenRebalanceOutlastsGrace() {
        tracker.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(GRACE.plusSeconds(1));

        Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("REBALANCING");
    }

    @Test
    void unhealthyAfterError() {
        tracker.onChange(State.PENDING_ERROR, State.RUNNING);
        tracker.onChange(State.ERROR, State.PENDING_ERROR);

        Result result = check.execute();

        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("ERROR");
    }
}
