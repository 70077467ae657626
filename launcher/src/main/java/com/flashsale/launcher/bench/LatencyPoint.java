package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of an open-loop load: the rate offered, the rate of successful responses, and the
 * latency of those responses measured from the moment each request was due, so a stalled server
 * shows as latency instead of as fewer requests (coordinated omission corrected).
 *
 * @param offeredPerSecond  requests scheduled per second
 * @param achievedPerSecond successful answers per second over the step
 * @param p50Ms             median latency in milliseconds
 * @param p99Ms             99th percentile latency in milliseconds
 * @param p999Ms            99.9th percentile latency in milliseconds
 * @param requests          requests scheduled during the step
 * @param errors            requests that failed or got an answer other than the expected one
 */
public record LatencyPoint(double offeredPerSecond, double achievedPerSecond, double p50Ms, double p99Ms,
                           double p999Ms, long requests, long errors) {

    /** Returns the share of requests that failed, 0 for a step without requests. */
    @JsonProperty
    public double errorShare() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
