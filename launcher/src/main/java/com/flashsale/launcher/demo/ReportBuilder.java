package com.flashsale.launcher.demo;

import java.time.Duration;
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

    private ReportBuilder() {
    }

    /**
     * @param stockBySku the stock loaded per SKU, in report order
     * @param finals the first final observation per order id
     * @param recheck a later observation of the same orders
     * @param skuCounts the projection's counts per SKU (a SKU may be missing)
     */
    public static DemoReport build(long seed, int shoppers, Map<String, Long> stockBySku,
            List<SubmissionResult> submissions, Map<String, OrderObservation> finals,
            Collection<OrderObservation> recheck, Map<String, SkuReport.SkuCounts> skuCounts) {
        Map<String, SubmissionResult> firstAcceptance = firstAcceptancePerOrder(submissions);
        List<SkuReport> skus = skuReports(stockBySku, finals, skuCounts);
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
                new TreeMap<>(finals.values().stream()
                        .collect(Collectors.groupingBy(OrderObservation::status, Collectors.counting()))),
                new TreeMap<>(finals.values().stream()
                        .filter(observation -> OrderStatuses.REJECTED.equals(observation.status()))
                        .collect(Collectors.groupingBy(observation -> Objects.toString(observation.reason()),
                                Collectors.counting()))),
                skus,
                skus.stream().mapToLong(SkuReport::oversoldUnits).sum(),
                duplicateOrders(submissions, finals, recheck),
                firstAcceptance.keySet().stream().filter(orderId -> !finals.containsKey(orderId)).count(),
                LatencySummary.ofNanos(submissions.stream().filter(SubmissionResult::accepted)
                        .map(SubmissionResult::latencyNanos).toList()),
                LatencySummary.ofNanos(finalLatencies(firstAcceptance, finals)));
    }

    /**
     * Counts order ids beyond the first for one shopper's clientRequestId, plus orders whose
     * outcome differs between two observations.
     */
    static long duplicateOrders(List<SubmissionResult> submissions, Map<String, OrderObservation> finals,
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
        for (OrderObservation later : recheck) {
            OrderObservation first = finals.get(later.orderId());
            if (first != null && later.isFinal() && !first.outcome().equals(later.outcome())) {
                changedOutcome.add(later.orderId());
            }
        }
        return extraOrderIds + changedOutcome.size();
    }

    static List<SkuReport> skuReports(Map<String, Long> stockBySku, Map<String, OrderObservation> finals,
            Map<String, SkuReport.SkuCounts> skuCounts) {
        Map<String, Long> heldUnits = finals.values().stream()
                .filter(observation -> OrderStatuses.HOLDING_UNITS.contains(observation.status()))
                .collect(Collectors.groupingBy(OrderObservation::skuId,
                        Collectors.summingLong(observation -> observation.quantity() == null ? 0 : observation.quantity())));
        List<SkuReport> reports = new ArrayList<>();
        stockBySku.forEach((skuId, stock) ->
                reports.add(SkuReport.of(skuId, stock, heldUnits.getOrDefault(skuId, 0L), skuCounts.get(skuId))));
        return reports;
    }

    /** From the first send of an order to the projection's time of its final status. */
    private static List<Long> finalLatencies(Map<String, SubmissionResult> firstAcceptance,
            Map<String, OrderObservation> finals) {
        List<Long> latencies = new ArrayList<>();
        firstAcceptance.forEach((orderId, submission) -> {
            OrderObservation observation = finals.get(orderId);
            if (observation != null) {
                // The projection's updatedAt is the event's own time, which the processor takes from
                // the submission, so only the time the poll saw the final status bounds the latency.
                var finishedAt = observation.observedAt();
                latencies.add(Math.max(0, Duration.between(submission.sentAt(), finishedAt).toNanos()));
            }
        });
        return latencies;
    }

    private static Map<String, SubmissionResult> firstAcceptancePerOrder(List<SubmissionResult> submissions) {
        return submissions.stream()
                .filter(SubmissionResult::accepted)
                .collect(Collectors.toMap(SubmissionResult::orderId, Function.identity(),
                        (a, b) -> a.sentAt().isBefore(b.sentAt()) ? a : b));
    }
}
