package com.flashsale.launcher.demo;

import java.util.List;
import java.util.Map;

/**
 * What a demo run measured and checked. {@link #passed()} holds when nothing was oversold or
 * duplicated and every accepted order reached a final status.
 *
 * @param submissions planned HTTP submissions (each send of a double tap or retry counts)
 * @param responses202 submissions that got a 202 response
 * @param failedSubmissions by last HTTP status ("0" for no answer), after overload retries
 * @param acceptedOrders distinct order ids among the 202 answers
 * @param duplicateOrders extra order ids for one clientRequestId plus orders seen with two outcomes
 */
public record DemoReport(
        long seed,
        int shoppers,
        int submissions,
        long httpRequests,
        long responses202,
        Map<String, Long> failedSubmissions,
        long acceptedOrders,
        Map<String, Long> ordersByStatus,
        Map<String, Long> rejectedByReason,
        List<SkuReport> skus,
        long oversoldUnits,
        long duplicateOrders,
        long unfinishedOrders,
        LatencySummary acceptLatency,
        LatencySummary finalLatency) {

    public boolean passed() {
        return oversoldUnits == 0 && duplicateOrders == 0 && unfinishedOrders == 0;
    }
}
