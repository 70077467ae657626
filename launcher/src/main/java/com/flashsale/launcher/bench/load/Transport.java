package com.flashsale.launcher.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends request number {@code index} of a step and completes with the response's HTTP status. */
@FunctionalInterface
public interface Transport {

    /**
     * Sends the request without blocking. The future completes with the status code, or
     * exceptionally when the request failed or got no response within {@code timeout}.
     *
     * @param dueNanos the {@link NanoClock} time at which the request was due, for transports that
     *                 measure what happens after the response from the same start
     */
    CompletableFuture<Integer> send(long index, long dueNanos, Duration timeout);
}
