package com.flashsale.ingest.core.limits;

/**
 * Result of asking a limiter for a request.
 *
 * @param outcome           whether the request may proceed
 * @param retryAfterSeconds when a limited request may succeed, in whole seconds rounded up; 0 when granted
 */
public record Decision(Outcome outcome, long retryAfterSeconds) {

    public enum Outcome {
        GRANTED,
        /** The caller's own limit is used up. */
        LIMITED,
        /** The table that tracks callers is full of active entries, so a new caller cannot be tracked. */
        TABLE_FULL
    }

    private static final Decision GRANTED = new Decision(Outcome.GRANTED, 0);
    private static final Decision TABLE_FULL = new Decision(Outcome.TABLE_FULL, 1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public static Decision granted() {
        return GRANTED;
    }

    public static Decision tableFull() {
        return TABLE_FULL;
    }

    /** A limited decision whose wait is rounded up to whole seconds, and at least one. */
    public static Decision limited(long waitNanos) {
        long seconds = (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return new Decision(Outcome.LIMITED, Math.max(1, seconds));
    }

    public boolean isGranted() {
        return outcome == Outcome.GRANTED;
    }
}
