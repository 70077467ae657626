package com.flashsale.projection.consumer;

import java.util.Optional;

/** State of the consumer thread for its health check, written by that thread only. */
public final class ConsumerStatus {

    private volatile boolean running;
    private volatile String lastApplyFailure;

    void markRunning(boolean running) {
        this.running = running;
    }

    void markApplyFailed(Exception e) {
        lastApplyFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    void markApplySucceeded() {
        lastApplyFailure = null;
    }

    public boolean isRunning() {
        return running;
    }

    /** Returns the failure of the latest attempt to apply a batch, or empty when that attempt succeeded. */
    public Optional<String> lastApplyFailure() {
        return Optional.ofNullable(lastApplyFailure);
    }
}
