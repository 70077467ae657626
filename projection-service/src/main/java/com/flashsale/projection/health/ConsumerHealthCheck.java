package com.flashsale.projection.health;

import com.codahale.metrics.health.HealthCheck;
import com.flashsale.projection.consumer.ConsumerStatus;
import java.util.Optional;

/** Unhealthy while the consumer thread is dead or its latest batch failed to apply. */
public class ConsumerHealthCheck extends HealthCheck {

    public static final String NAME = "projection-consumer";

    private final ConsumerStatus status;

    public ConsumerHealthCheck(ConsumerStatus status) {
        this.status = status;
    }

    @Override
    protected Result check() {
        if (!status.isRunning()) {
            return Result.unhealthy("The consumer thread is not running");
        }
        Optional<String> failure = status.lastApplyFailure();
        if (failure.isPresent()) {
            return Result.unhealthy("Applying events failed: " + failure.get());
        }
        return Result.healthy();
    }
}
