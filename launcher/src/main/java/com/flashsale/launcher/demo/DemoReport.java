package com.flashsale.launcher.demo;

import java.util.List;
import java.util.Map;

/**
 * What a demo run measured and checked. {@link #passed()} holds when nothing was oversold or
 * duplicated, every accepted order reached a terminal status, every SKU's stock adds up, the dead
 * letter and the late payment behaved as specified and the audit, where it ran, passed.
 *
 * @param submissions HTTP submissions (each send of a double tap or retry counts), the dead-letter probe included
 * @param responses202 submissions that got a 202 response
 * @param failedSubmissions by last HTTP status ("0" for no answer), after overload retries
 * @param acceptedOrders distinct order ids among the 202 answers
 * @param decisions accepted orders by their decision: RESERVED (whatever happened to the hold later) or REJECTED
 * @param ordersByStatus accepted orders by terminal status
 * @param holdActions reservations by what the demo did with them
 * @param failedCommands payments and cancels that the ingest service did not accept
 * @param paymentsRejected accepted payments of orders that ended EXPIRED or CANCELLED, the late payment included;
 *     the processor answers each with PaymentRejected
 * @param duplicateOrders extra order ids for one clientRequestId plus orders seen with two outcomes
 * @param unfinishedSamples a few unfinished orders with their last status
 * @param decisionLatency from the first send of an order to the first answer showing its decision
 * @param finalLatency from the first send of an order to the first answer showing its terminal status
 */
public record DemoReport(
        long seed,
        int shoppers,
        int submissions,
        long httpRequests,
        long responses202,
        Map<String, Long> failedSubmissions,
        long acceptedOrders,
        Map<String, Long> decisions,
        Map<String, Long> ordersByStatus,
        Map<String, Long> rejectedByReason,
        Map<String, Long> holdActions,
        long failedCommands,
        long paymentsRejected,
        List<SkuReport> skus,
        long oversoldUnits,
        long duplicateOrders,
        long unfinishedOrders,
        List<String> unfinishedSamples,
        DeadLetterCheck deadLetter,
        LatePaymentCheck latePayment,
        AuditResult audit,
        LatencySummary acceptLatency,
        LatencySummary decisionLatency,
        LatencySummary finalLatency) {

    public boolean passed() {
        return oversoldUnits == 0
                && duplicateOrders == 0
                && unfinishedOrders == 0
                && skus.stream().allMatch(SkuReport::passed)
                && deadLetter.passed()
                && latePayment.passed()
                && !audit.failed();
    }

    public DemoReport withAudit(AuditResult result) {
        return new DemoReport(seed, shoppers, submissions, httpRequests, responses202, failedSubmissions,
                acceptedOrders, decisions, ordersByStatus, rejectedByReason, holdActions, failedCommands,
                paymentsRejected, skus, oversoldUnits, duplicateOrders, unfinishedOrders, unfinishedSamples,
                deadLetter, latePayment, result, acceptLatency, decisionLatency, finalLatency);
    }
}
