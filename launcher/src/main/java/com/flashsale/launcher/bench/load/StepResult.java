package com.flashsale.launcher.bench.load;

import com.flashsale.launcher.bench.LatencyPoint;
import java.util.Map;

/**
 * The measurements of one open-loop step. Latencies run from each request's due time to its response,
 * so they include any wait for a free connection (coordinated omission corrected).
 *
 * @param offeredPerSecond   requests scheduled per second
 * @param windowSeconds      length of the step's schedule
 * @param requests           requests scheduled
 * @param succeeded          responses with the expected status
 * @param succeededInWindow  of those, the ones that arrived before the window ended
 * @param errors             requests that failed, timed out or got another status
 * @param errorKinds         errors by kind: the status code, {@code timeout} or the exception's name
 * @param p50Ms              median latency in milliseconds
 * @param p99Ms              99th percentile latency in milliseconds
 * @param p999Ms             99.9th percentile latency in milliseconds
 * @param maxMs              highest latency in milliseconds
 * @param maxSendLagMs       how late the generator sent a request that had a free connection, in
 *                           milliseconds: a large value means the generator, not the server, fell behind
 */
public record StepResult(
        double offeredPerSecond,
        double windowSeconds,
        long requests,
        long succeeded,
        long succeededInWindow,
        long errors,
        Map<String, Long> errorKinds,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double maxSendLagMs) {

    public StepResult {
        errorKinds = Map.copyOf(errorKinds);
    }

    /** Returns the responses with the expected status per second of the window. */
    public double achievedPerSecond() {
        return windowSeconds > 0 ? succeededInWindow / windowSeconds : 0;
    }

    public LatencyPoint toLatencyPoint() {
        return new LatencyPoint(offeredPerSecond, achievedPerSecond(), p50Ms, p99Ms, p999Ms, requests, errors);
    }
}
