package com.flashsale.launcher.bench;

/**
 * Time from sending an order to seeing its final status in the projection, at a constant rate.
 *
 * @param ratePerSecond orders offered per second
 * @param orders        orders whose final status was seen
 * @param missing       orders whose final status was not seen before the stage's deadline
 * @param p50Ms         median, in milliseconds
 * @param p99Ms         99th percentile, in milliseconds
 */
public record EndToEndResult(double ratePerSecond, long orders, long missing, double p50Ms, double p99Ms) {
}
