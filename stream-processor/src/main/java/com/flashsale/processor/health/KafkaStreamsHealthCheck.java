package com.flashsale.processor.health;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.processor.lifecycle.StreamsStateTracker;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Healthy while Kafka Streams is RUNNING. A rebalance is normal when an instance joins or leaves,
 * so REBALANCING counts as healthy until it has lasted longer than the configured grace.
 */
public class KafkaStreamsHealthCheck extends HealthCheck {

    public static final String NAME = "kafka-streams";
    public static final Duration DEFAULT_REBALANCE_GRACE = Duration.ofMinutes(2);

    private final StreamsStateTracker tracker;
    private final Clock clock;
    private final Duration rebalanceGrace;

    public KafkaStreamsHealthCheck(StreamsStateTracker tracker, Clock clock, Duration rebalanceGrace) {
        this.tracker = tracker;
        this.clock = clock;
        this.rebalanceGrace = rebalanceGrace;
    }

    @Override
    protected Result check() {
        StreamsStateTracker.Snapshot snapshot = tracker.current();
        if (snapshot.state() == KafkaStreams.State.RUNNING) {
            return Result.healthy("RUNNING");
        }

        Duration inState = Duration.between(snapshot.since(), clock.instant());
        if (snapshot.state() == KafkaStreams.State.REBALANCING && inState.compareTo(rebalanceGrace) <= 0) {
            return Result.healthy("REBALANCING for " + inState.toSeconds() + " s");
        }
        return Result.unhealthy(snapshot.state() + " for " + inState.toSeconds() + " s");
    }
}
