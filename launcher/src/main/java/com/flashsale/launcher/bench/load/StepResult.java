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
 * @param successSpanSeconds time from the first to the last success plus one interval of the
 *                           schedule: for a server that keeps up, the window itself
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
        double successSpanSeconds,
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

    /**
     * Returns the successes per second between the first and the last success. Counting over that
     * span instead of the window keeps the latency at the window's two edges from reading as lost
     * throughput, and for a saturated server it is the rate at which it completed requests. A stall
     * before the first success is not in the span; the latencies show it.
     */
    public double achievedPerSecond() {
        return successSpanSeconds > 0 ? succeeded / successSpanSeconds : 0;
    }

    public LatencyPoint toLatencyPoint() {
        return new LatencyPoint(offeredPerSecond, achievedPerSecond(), p50Ms, p99Ms, p999Ms, requests, errors);
    }
}
