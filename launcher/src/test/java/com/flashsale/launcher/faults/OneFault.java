package com.flashsale.launcher.faults;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A fault that many client threads may trigger but that runs once, on its own thread, so the
 * clients go on while a service is down. The fault returns how long the service was unavailable.
 */
final class OneFault {

    private final Supplier<Duration> fault;
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final CompletableFuture<Duration> outage = new CompletableFuture<>();

    OneFault(Supplier<Duration> fault) {
        this.fault = fault;
    }

    /** Starts the fault unless it has already been started. */
    void trigger() {
        if (triggered.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    outage.complete(fault.get());
                } catch (RuntimeException e) {
                    outage.completeExceptionally(e);
                }
            });
        }
    }

    /** Waits for the fault and the restart after it; rethrows what went wrong, such as a failed restart. */
    Duration awaitOutage(Duration timeout) throws Exception {
        if (!triggered.get()) {
            throw new IllegalStateException("the fault was never triggered");
        }
        return outage.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
