package com.flashsale.launcher.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The broker-loss test's observations: the faults, every response of the ingest service, and what the
 * topics contain for the accepted orders. {@link #violations()} lists every broken promise.
 *
 * @param copiesByOrderId where each order id of this load is on order-submissions, one entry per copy
 * @param duplicateEventIds event ids that are on order-submissions more than once
 * @param decisionsByOrderId how many OrderReserved, OrderRejected and OrderDeadLettered each order has
 * @param loadMillis how long the load ran
 * @param replacedStreamThreads stream threads the processor replaced after an exception, from its log
 */
record BrokerLossReport(
        List<FaultEvent> faults,
        List<Submission> submissions,
        Map<String, List<String>> copiesByOrderId,
        Set<String> duplicateEventIds,
        Map<String, Integer> decisionsByOrderId,
        long loadMillis,
        long replacedStreamThreads) {

    private static final Set<Integer> EXPECTED_STATUSES = Set.of(202, 429, 503);

    Set<String> acceptedOrderIds() {
        return submissions.stream().filter(Submission::accepted).map(Submission::orderId).collect(Collectors.toSet());
    }

    List<String> violations() {
        List<String> violations = new ArrayList<>();
        Set<String> accepted = acceptedOrderIds();
        long acceptedAnswers = submissions.stream().filter(Submission::accepted).count();
        if (accepted.size() != acceptedAnswers) {
            violations.add((acceptedAnswers - accepted.size()) + " answers of 202 repeat another answer's orderId");
        }
        Map<String, Submission> requestByOrderId = new HashMap<>();
        submissions.stream().filter(Submission::accepted).forEach(s -> requestByOrderId.put(s.orderId(), s));
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(copiesByOrderId).entrySet()) {
            if (entry.getValue().size() > 1) {
                Submission request = requestByOrderId.get(entry.getKey());
                violations.add("orderId=" + entry.getKey() + " is on order-submissions " + entry.getValue().size()
                        + " times (" + String.join(", ", entry.getValue()) + ")"
                        + (request == null ? "; its request got no 202"
                                : String.format("; its request was sent at %.1f s and got 202 at %.1f s",
                                        request.sentMillis() / 1000.0, request.answeredMillis() / 1000.0)));
            }
        }
        for (String orderId : accepted) {
            if (!copiesByOrderId.containsKey(orderId)) {
                violations.add("orderId=" + orderId + " got 202 but is not on order-submissions");
            }
            int decisions = decisionsByOrderId.getOrDefault(orderId, 0);
            if (decisions != 1) {
                violations.add("orderId=" + orderId + " got 202 and has " + decisions + " decisions on order-events");
            }
        }
        duplicateEventIds.forEach(eventId -> violations.add("eventId=" + eventId + " is on order-submissions more than once"));
        submissions.stream()
                .filter(s -> !EXPECTED_STATUSES.contains(s.status()))
                .forEach(s -> violations.add("clientRequestId=" + s.clientRequestId() + " got "
                        + (s.status() == Submission.NO_RESPONSE ? "no response" : "status " + s.status())
                        + " at " + s.sentMillis() + " ms"));
        return violations;
    }

    /**
     * Returns the longest time between two consecutive 202 responses, or between the last 202 and
     * the last response to a request sent after it. A gap after the load stopped does not count.
     */
    Gap longestUnavailability() {
        List<Long> acceptedAt = submissions.stream()
                .filter(Submission::accepted)
                .map(Submission::answeredMillis)
                .sorted()
                .toList();
        if (acceptedAt.isEmpty()) {
            return new Gap(0, loadMillis);
        }
        Gap longest = new Gap(0, 0);
        for (int i = 1; i < acceptedAt.size(); i++) {
            Gap gap = new Gap(acceptedAt.get(i - 1), acceptedAt.get(i));
            if (gap.millis() > longest.millis()) {
                longest = gap;
            }
        }
        long lastAccepted = acceptedAt.get(acceptedAt.size() - 1);
        long lastAnswerAfterIt = submissions.stream()
                .filter(s -> s.sentMillis() > lastAccepted)
                .mapToLong(Submission::answeredMillis)
                .max()
                .orElse(lastAccepted);
        if (lastAnswerAfterIt - lastAccepted > longest.millis()) {
            longest = new Gap(lastAccepted, lastAnswerAfterIt);
        }
        return longest;
    }

    /** Orders of this load on order-submissions whose request got no 202: allowed, but worth knowing. */
    long writtenWithoutAccept() {
        Set<String> accepted = acceptedOrderIds();
        return copiesByOrderId.keySet().stream().filter(orderId -> !accepted.contains(orderId)).count();
    }

    String format() {
        StringBuilder text = new StringBuilder();
        text.append("Broker-loss fault test: 3 KRaft nodes, topics with 3 replicas and min.insync.replicas=2\n\n");
        text.append("Faults injected (times from the start of the load):\n");
        for (FaultEvent fault : faults) {
            text.append(String.format("  %6.1f s  %-44s node %d  first 202 after %s%n", fault.startMillis() / 1000.0,
                    fault.description(), fault.nodeId(),
                    fault.recoveryMillis() < 0 ? "never" : String.format("%.1f s", fault.recoveryMillis() / 1000.0)));
        }
        Map<String, Long> statuses = submissions.stream().collect(Collectors.groupingBy(
                s -> s.status() == Submission.NO_RESPONSE ? "no response" : Integer.toString(s.status()),
                TreeMap::new, Collectors.counting()));
        text.append(String.format("%nLoad: %d submissions in %.1f s%n", submissions.size(), loadMillis / 1000.0));
        statuses.forEach((status, count) -> text.append(String.format("  %-12s %6d%n", status, count)));
        Set<String> accepted = acceptedOrderIds();
        long decided = accepted.stream().filter(id -> decisionsByOrderId.getOrDefault(id, 0) == 1).count();
        text.append(String.format("%nAccepted orders (202):                         %6d%n", accepted.size()));
        text.append(String.format("  on order-submissions exactly once:           %6d%n",
                accepted.stream().filter(id -> copiesByOrderId.getOrDefault(id, List.of()).size() == 1).count()));
        text.append(String.format("  with exactly one decision on order-events:   %6d%n", decided));
        text.append(String.format("Orders on order-submissions without a 202:    %6d (the client got 503 or no response)%n",
                writtenWithoutAccept()));
        Gap gap = longestUnavailability();
        text.append(String.format("%nLongest unavailability (no 202 while sending): %.1f s, from %.1f s to %.1f s%n",
                gap.millis() / 1000.0, gap.fromMillis() / 1000.0, gap.toMillis() / 1000.0));
        text.append(String.format("Stream threads the processor replaced:         %d%n", replacedStreamThreads));
        List<String> violations = violations();
        text.append(String.format("%nViolations: %d%n", violations.size()));
        violations.stream().limit(50).forEach(v -> text.append("  ").append(v).append('\n'));
        if (violations.size() > 50) {
            text.append("  ... ").append(violations.size() - 50).append(" more\n");
        }
        return text.toString();
    }

    record Gap(long fromMillis, long toMillis) {

        long millis() {
            return toMillis - fromMillis;
        }
    }
}
