package com.flashsale.launcher.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a {@link DemoReport} from what the demo sent and observed; no I/O. */
public final class ReportBuilder {

    private static final int UNFINISHED_SAMPLES = 5;

    private ReportBuilder() {
    }

    /** Builds the report; its audit says "not run" until the caller adds the audit's result. */
    public static DemoReport build(long seed, int shoppers, SaleOutcome sale) {
        List<SubmissionResult> submissions = sale.submissions();
        Map<String, SubmissionResult> firstAcceptance = firstAcceptancePerOrder(submissions);
        Collection<OrderTrace> traces = sale.traces().values();
        List<OrderObservation> finals = traces.stream().filter(OrderTrace::isFinished)
                .map(OrderTrace::finalObservation).toList();
        List<SkuReport> skus = skuReports(sale.stockBySku(), finals, sale.skuCounts());
        List<String> unfinished = firstAcceptance.keySet().stream()
                .filter(orderId -> !sale.traces().containsKey(orderId) || !sale.traces().get(orderId).isFinished())
                .sorted()
                .toList();
        return new DemoReport(
                seed,
                shoppers,
                submissions.size(),
                submissions.stream().mapToLong(SubmissionResult::attempts).sum(),
                submissions.stream().filter(SubmissionResult::accepted).count(),
                new TreeMap<>(submissions.stream().filter(result -> !result.accepted())
                        .collect(Collectors.groupingBy(result -> Integer.toString(result.status()),
                                Collectors.counting()))),
                firstAcceptance.size(),
                countBy(traces.stream().filter(trace -> trace.decision() != null)
                        .map(trace -> decisionName(trace.decision())).toList()),
                countBy(finals.stream().map(OrderObservation::status).toList()),
                countBy(finals.stream().filter(observation -> OrderStatuses.REJECTED.equals(observation.status()))
                        .map(observation -> Objects.toString(observation.reason())).toList()),
                countBy(traces.stream().filter(trace -> trace.action() != null)
                        .map(trace -> trace.action().name()).toList()),
                traces.stream().filter(ReportBuilder::commandFailed).count(),
                paymentsRejected(traces, sale.latePayment()),
                skus,
                skus.stream().mapToLong(SkuReport::oversoldUnits).sum(),
                duplicateOrders(submissions, sale.traces(), sale.recheck()),
                unfinished.size(),
                unfinished.stream().limit(UNFINISHED_SAMPLES)
                        .map(orderId -> describeUnfinished(orderId, sale.traces().get(orderId))).toList(),
                deadLetterCheck(sale.deadLetterOrderId(), sale.traces()),
                sale.latePayment(),
                AuditResult.notRun("not run"),
                LatencySummary.ofNanos(submissions.stream().filter(SubmissionResult::accepted)
                        .map(SubmissionResult::latencyNanos).toList()),
                LatencySummary.ofNanos(latencies(firstAcceptance, sale.traces(), OrderTrace::decision)),
                LatencySummary.ofNanos(latencies(firstAcceptance, sale.traces(), OrderTrace::finalObservation)));
    }

    /**
     * Counts order ids beyond the first for one shopper's clientRequestId, plus orders whose
     * outcome differs between decision and terminal status, or whose terminal status changed later.
     */
    static long duplicateOrders(List<SubmissionResult> submissions, Map<String, OrderTrace> traces,
            Collection<OrderObservation> recheck) {
        Map<String, Set<String>> orderIdsPerRequest = new HashMap<>();
        for (SubmissionResult result : submissions) {
            if (result.accepted()) {
                String request = result.order().shopperId() + "\u0000" + result.order().clientRequestId();
                orderIdsPerRequest.computeIfAbsent(request, key -> new HashSet<>()).add(result.orderId());
            }
        }
        long extraOrderIds = orderIdsPerRequest.values().stream().mapToLong(ids -> ids.size() - 1).sum();

        Set<String> changedOutcome = new HashSet<>();
        for (OrderTrace trace : traces.values()) {
            if (trace.decision() != null && trace.isFinished()
                    && !trace.decision().outcome().equals(trace.finalObservation().outcome())) {
                changedOutcome.add(trace.orderId());
            }
        }
        for (OrderObservation later : recheck) {
            OrderTrace trace = traces.get(later.orderId());
            if (trace != null && trace.isFinished() && !sameTerminal(trace.finalObservation(), later)) {
                changedOutcome.add(later.orderId());
            }
        }
        return extraOrderIds + changedOutcome.size();
    }

    /** Per SKU in {@code stockBySku}: confirmed units of the orders against the projection's figures. */
    static List<SkuReport> skuReports(Map<String, Long> stockBySku, Collection<OrderObservation> finals,
            Map<String, SkuReport.SkuCounts> skuCounts) {
        Map<String, Long> confirmedUnits = confirmedUnitsBySku(finals);
        List<SkuReport> reports = new ArrayList<>();
        stockBySku.forEach((skuId, stock) ->
                reports.add(SkuReport.of(skuId, stock, confirmedUnits.getOrDefault(skuId, 0L), skuCounts.get(skuId))));
        return reports;
    }

    static Map<String, Long> confirmedUnitsBySku(Collection<OrderObservation> finals) {
        return finals.stream()
                .filter(observation -> OrderStatuses.CONFIRMED.equals(observation.status()))
                .collect(Collectors.groupingBy(OrderObservation::skuId,
                        Collectors.summingLong(observation -> observation.quantity() == null ? 0 : observation.quantity())));
    }

    private static boolean sameTerminal(OrderObservation first, OrderObservation later) {
        return Objects.equals(first.status(), later.status()) && Objects.equals(first.reason(), later.reason());
    }

    /** A decision seen only after the hold ended (the poll missed RESERVED) still counts as a reservation. */
    private static String decisionName(OrderObservation decision) {
        return OrderStatuses.REJECTED.equals(decision.status()) ? OrderStatuses.REJECTED : OrderStatuses.RESERVED;
    }

    private static boolean commandFailed(OrderTrace trace) {
        boolean sent = trace.action() == HoldAction.PAY || trace.action() == HoldAction.CANCEL;
        return sent && (trace.commandStatus() == null || trace.commandStatus() != 202);
    }

    private static long paymentsRejected(Collection<OrderTrace> traces, LatePaymentCheck latePayment) {
        long racedExpiry = traces.stream()
                .filter(OrderTrace::paymentAccepted)
                .filter(trace -> trace.isFinished() && !OrderStatuses.CONFIRMED.equals(trace.finalObservation().status()))
                .count();
        boolean latePaymentSent = latePayment.ran() && latePayment.paymentStatus() == 202;
        return racedExpiry + (latePaymentSent ? 1 : 0);
    }

    private static DeadLetterCheck deadLetterCheck(String orderId, Map<String, OrderTrace> traces) {
        OrderTrace trace = orderId == null ? null : traces.get(orderId);
        if (trace == null) {
            return new DeadLetterCheck(orderId, null);
        }
        OrderObservation seen = trace.isFinished() ? trace.finalObservation() : trace.last();
        return new DeadLetterCheck(orderId, seen == null ? null : seen.status());
    }

    private static String describeUnfinished(String orderId, OrderTrace trace) {
        if (trace == null) {
            return orderId + " (never tracked)";
        }
        String status = trace.last() == null ? "never returned by the projection" : "last status " + trace.last().status();
        return orderId + " (" + status + ")";
    }

    /**
     * From the first send of an order to the first answer that showed the chosen observation. The
     * projection's updatedAt is the event's own time, which the processor takes from the
     * submission, so only the time of the answer bounds the latency.
     */
    private static List<Long> latencies(Map<String, SubmissionResult> firstAcceptance, Map<String, OrderTrace> traces,
            Function<OrderTrace, OrderObservation> observation) {
        List<Long> latencies = new ArrayList<>();
        firstAcceptance.forEach((orderId, submission) -> {
            OrderTrace trace = traces.get(orderId);
            OrderObservation seen = trace == null ? null : observation.apply(trace);
            if (seen != null) {
                Instant observedAt = seen.observedAt();
                latencies.add(Math.max(0, Duration.between(submission.sentAt(), observedAt).toNanos()));
            }
        });
        return latencies;
    }

    private static Map<String, Long> countBy(List<String> keys) {
        return new TreeMap<>(keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }

    private static Map<String, SubmissionResult> firstAcceptancePerOrder(List<SubmissionResult> submissions) {
        return submissions.stream()
                .filter(SubmissionResult::accepted)
                .collect(Collectors.toMap(SubmissionResult::orderId, Function.identity(),
                        (a, b) -> a.sentAt().isBefore(b.sentAt()) ? a : b));
    }
}
