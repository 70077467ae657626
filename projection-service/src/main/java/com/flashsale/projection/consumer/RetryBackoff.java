package com.flashsale.projection.consumer;

import java.time.Duration;

/** Exponential backoff: each failure doubles the delay up to a cap, and a success resets it. */
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** Returns the delay before the next attempt and doubles the one after it. */
    Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay.compareTo(max) > 0 ? max : delay;
    }

    void reset() {
        next = initial;
    }
}
