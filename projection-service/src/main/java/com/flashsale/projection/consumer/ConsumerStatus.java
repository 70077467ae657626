package com.flashsale.projection.consumer;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * State of the consumer thread for its health checks and metrics, written by that thread only
 * (the {@code mark} methods are public so that health-check tests can set a state).
 * Times are epoch milliseconds of the clock the consumer was built with.
 */
public final class ConsumerStatus {

    private volatile boolean running;
    private volatile long startedAtMillis;
    private volatile String lastApplyFailure;
    private volatile long lastSuccessfulPollMillis = -1;
    private volatile long recordsLag;
    private volatile double recordsLagMax;

    public void markStarted(long nowMillis) {
        startedAtMillis = nowMillis;
        running = true;
    }

    void markRunning(boolean running) {
        this.running = running;
    }

    void markApplyFailed(Exception e) {
        lastApplyFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    void markApplySucceeded() {
        lastApplyFailure = null;
    }

    /**
     * Records a poll whose batch was applied and the lag that the consumer reported after it.
     *
     * @param recordsLag records behind the end of every assigned partition, summed
     * @param recordsLagMax the consumer's {@code records-lag-max}: the largest lag of one partition in
     *     its sample window
     */
    public void markPolled(long nowMillis, long recordsLag, double recordsLagMax) {
        lastSuccessfulPollMillis = nowMillis;
        this.recordsLag = recordsLag;
        this.recordsLagMax = recordsLagMax;
    }

    public boolean isRunning() {
        return running;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** Returns the failure of the latest attempt to apply a batch, or empty when that attempt succeeded. */
    public Optional<String> lastApplyFailure() {
        return Optional.ofNullable(lastApplyFailure);
    }

    /** Returns when a polled batch was last applied, or empty before the first one. */
    public OptionalLong lastSuccessfulPollMillis() {
        long polled = lastSuccessfulPollMillis;
        return polled < 0 ? OptionalLong.empty() : OptionalLong.of(polled);
    }

    /** Returns the records behind the end of the assigned partitions, summed, as of the last applied poll. */
    public long recordsLag() {
        return recordsLag;
    }

    /** Returns the consumer's {@code records-lag-max} as of the last applied poll, or 0 before the first fetch. */
    public double recordsLagMax() {
        return recordsLagMax;
    }
}
