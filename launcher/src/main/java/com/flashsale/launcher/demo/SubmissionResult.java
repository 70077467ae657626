package com.flashsale.launcher.demo;

import java.time.Instant;

/**
 * The outcome of one planned submission after its overload retries.
 *
 * @param status the last HTTP status, or 0 when no answer arrived
 * @param orderId from a 202, else null
 * @param sentAt when the first attempt of this submission was sent
 * @param latencyNanos from sending the attempt that got the 202 to its answer; 0 without a 202
 * @param attempts HTTP requests made, overload retries included
 */
public record SubmissionResult(
        PlannedOrder order,
        int status,
        String orderId,
        Instant sentAt,
        long latencyNanos,
        int attempts) {

    public static final int NO_RESPONSE = 0;

    public boolean accepted() {
        return status == 202 && orderId != null;
    }
}
