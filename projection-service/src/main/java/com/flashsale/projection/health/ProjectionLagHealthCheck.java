package com.flashsale.projection.health;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.projection.consumer.ConsumerStatus;
import java.time.Clock;
import java.time.Duration;

/**
 * Fails when the read model falls behind: the consumer is more than {@code maxLagRecords} records
 * behind the end of its partitions, or no polled batch was applied for {@code maxPollAge} (counted
 * from the consumer's start until the first one).
 */
public class ProjectionLagHealthCheck extends HealthCheck {

    public static final String NAME = "projection-lag";

    private final ConsumerStatus status;
    private final Clock clock;
    private final long maxLagRecords;
    private final Duration maxPollAge;

    public ProjectionLagHealthCheck(ConsumerStatus status, Clock clock, long maxLagRecords, Duration maxPollAge) {
        this.status = status;
        this.clock = clock;
        this.maxLagRecords = maxLagRecords;
        this.maxPollAge = maxPollAge;
    }

    @Override
    protected Result check() {
        long lastPoll = status.lastSuccessfulPollMillis().orElse(status.startedAtMillis());
        long ageMillis = clock.millis() - lastPoll;
        if (ageMillis > maxPollAge.toMillis()) {
            return Result.unhealthy("No batch applied for %d ms, more than the bound of %d ms",
                    ageMillis, maxPollAge.toMillis());
        }
        long lag = status.recordsLag();
        if (lag > maxLagRecords) {
            return Result.unhealthy("The consumer is %d records behind, more than the bound of %d", lag, maxLagRecords);
        }
        return Result.healthy("lagRecords=%d lastAppliedPollAgeMs=%d", lag, ageMillis);
    }
}
