package com.flashsale.processor.it;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.StockChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks the processor's committed output against what a test sent: one decision per submitted
 * order, at most one terminal event per order, an expiry for every hold nobody paid or cancelled,
 * each retry attempt once, a dead letter for every command of an order never submitted, and stock
 * that adds up. An OrderDeadLettered counts as the order's decision only when it gave up on the
 * submission; one that gave up on a payment or cancel leaves the order as it was.
 */
final class OutcomeVerifier {

    private static final String SUBMISSION = OrderSubmitted.class.getSimpleName();

    /**
     * What the test sent.
     *
     * @param submittedOrderIds every distinct orderId of an OrderSubmitted
     * @param orphanCommands eventId to orderId of each payment or cancel whose order is never submitted
     * @param stockBySku units that the SetStock of each SKU loaded; no test sends AdjustStock
     */
    record Expected(Set<String> submittedOrderIds, Map<String, String> orphanCommands, Map<String, Long> stockBySku) {
    }

    /**
     * What the processor committed, each list in the order read.
     *
     * @param deadLetters the decodable values on the dead-letter topic
     */
    record Observed(List<SpecificRecord> orderEvents, List<StockChanged> stockEvents, List<SpecificRecord> deadLetters) {
    }

    private final Expected expected;

    OutcomeVerifier(Expected expected) {
        this.expected = expected;
    }

    /** Returns every broken invariant, one line each; empty when the output is correct and complete. */
    List<String> violations(Observed observed) {
        List<String> violations = new ArrayList<>();
        Map<String, List<SpecificRecord>> byOrder = byOrderId(observed.orderEvents());
        checkDecisions(byOrder, violations);
        byOrder.forEach((orderId, events) -> checkLifecycle(orderId, events, violations));
        checkRetries(observed.orderEvents(), violations);
        checkDeadLetters(observed, violations);
        checkStock(observed, byOrder, violations);
        return violations;
    }

    /** Returns the outcomes that have not arrived yet; empty once every expected outcome is in. */
    List<String> missing(Observed observed) {
        List<String> missing = new ArrayList<>();
        Map<String, List<SpecificRecord>> byOrder = byOrderId(observed.orderEvents());
        for (String orderId : expected.submittedOrderIds()) {
            List<SpecificRecord> events = byOrder.getOrDefault(orderId, List.of());
            if (count(events, OutcomeVerifier::isDecision) == 0) {
                missing.add("no decision for orderId=" + orderId);
            } else if (count(events, OrderReserved.class::isInstance) > 0 && count(events, OutcomeVerifier::isTerminal) == 0) {
                missing.add("no terminal event for reserved orderId=" + orderId);
            }
        }
        Map<String, Long> copies = countBy(observed.deadLetters(), OutcomeVerifier::eventIdOf);
        Map<String, Long> deadLettered = countBy(ofType(observed.orderEvents(), OrderDeadLettered.class),
                OrderDeadLettered::getCausationId);
        expected.orphanCommands().forEach((eventId, orderId) -> {
            if (!deadLettered.containsKey(eventId) || !copies.containsKey(eventId)) {
                missing.add("no dead letter yet for the command eventId=" + eventId + " orderId=" + orderId);
            }
        });
        return missing;
    }

    private void checkDecisions(Map<String, List<SpecificRecord>> byOrder, List<String> violations) {
        for (String orderId : expected.submittedOrderIds()) {
            List<SpecificRecord> decisions = byOrder.getOrDefault(orderId, List.of()).stream()
                    .filter(OutcomeVerifier::isDecision)
                    .toList();
            if (decisions.size() != 1) {
                violations.add("orderId=" + orderId + " has " + decisions.size() + " decisions " + typesOf(decisions));
            }
        }
        byOrder.forEach((orderId, events) -> {
            if (!expected.submittedOrderIds().contains(orderId) && count(events, OutcomeVerifier::isDecision) > 0) {
                violations.add("orderId=" + orderId + " was never submitted but has " + typesOf(events));
            }
        });
    }

    private static void checkLifecycle(String orderId, List<SpecificRecord> events, List<String> violations) {
        long reserved = count(events, OrderReserved.class::isInstance);
        long paidOrCancelled = count(events, event -> event instanceof OrderConfirmed || event instanceof OrderCancelled);
        long expired = count(events, OrderExpired.class::isInstance);
        List<SpecificRecord> terminal = events.stream().filter(OutcomeVerifier::isTerminal).toList();

        if (reserved > 1) {
            violations.add("orderId=" + orderId + " was reserved " + reserved + " times");
        }
        if (terminal.size() > 1) {
            violations.add("orderId=" + orderId + " has " + terminal.size() + " terminal events " + typesOf(terminal));
        }
        if (reserved == 0 && paidOrCancelled + expired > 0) {
            violations.add("orderId=" + orderId + " ended a hold it never had " + typesOf(events));
        }
        if (reserved > 0 && paidOrCancelled == 0 && expired != 1) {
            violations.add("orderId=" + orderId + " was reserved, not paid or cancelled, and expired " + expired + " times");
        }
    }

    /**
     * Checks that each retried record has attempts 1..n, each once, and at most one dead letter.
     * A command can be retried by both stages: by route-orders while its order is unknown there,
     * and by reserve-stock while the order is undecided. Route-orders writes an empty skuId, so
     * the stage is part of the key.
     */
    private static void checkRetries(List<SpecificRecord> orderEvents, List<String> violations) {
        Map<String, List<OrderRetryScheduled>> byRetriedRecord = ofType(orderEvents, OrderRetryScheduled.class).stream()
                .collect(Collectors.groupingBy(retry -> retry.getOrderId() + "/" + retry.getCommand() + "/"
                                + retry.getCausationId() + "/" + (retry.getSkuId().isEmpty() ? "route-orders" : "reserve-stock"),
                        LinkedHashMap::new, Collectors.toList()));
        byRetriedRecord.forEach((key, retries) -> {
            List<Integer> attempts = retries.stream().map(OrderRetryScheduled::getAttempt).sorted().toList();
            for (int i = 0; i < attempts.size(); i++) {
                if (attempts.get(i) != i + 1) {
                    violations.add("retries of " + key + " have attempts " + attempts + " instead of 1.." + attempts.size());
                    return;
                }
            }
        });
        countBy(ofType(orderEvents, OrderDeadLettered.class),
                deadLetter -> deadLetter.getOrderId() + "/" + deadLetter.getCommand() + "/" + deadLetter.getCausationId())
                .forEach((key, count) -> {
                    if (count > 1) {
                        violations.add(key + " was dead-lettered " + count + " times");
                    }
                });
    }

    /** Checks that every OrderDeadLettered has exactly one copy of its record on the dead-letter topic. */
    private void checkDeadLetters(Observed observed, List<String> violations) {
        Map<String, Long> copies = countBy(observed.deadLetters(), OutcomeVerifier::eventIdOf);
        copies.forEach((eventId, count) -> {
            if (count > 1) {
                violations.add("eventId=" + eventId + " has " + count + " copies on the dead-letter topic");
            }
        });
        List<OrderDeadLettered> deadLettered = ofType(observed.orderEvents(), OrderDeadLettered.class);
        for (OrderDeadLettered event : deadLettered) {
            if (!copies.containsKey(event.getCausationId())) {
                violations.add("the " + event.getCommand() + " eventId=" + event.getCausationId() + " of orderId="
                        + event.getOrderId() + " was dead-lettered without a copy on the dead-letter topic");
            }
        }
        Map<String, Long> deadLetteredByCause = countBy(deadLettered, OrderDeadLettered::getCausationId);
        expected.orphanCommands().forEach((eventId, orderId) -> {
            long count = deadLetteredByCause.getOrDefault(eventId, 0L);
            if (count != 1) {
                violations.add("the command eventId=" + eventId + " of the never submitted orderId=" + orderId
                        + " has " + count + " OrderDeadLettered");
            }
            if (!copies.containsKey(eventId)) {
                violations.add("the command eventId=" + eventId + " of the never submitted orderId=" + orderId
                        + " has no copy on the dead-letter topic");
            }
        });
    }

    private void checkStock(Observed observed, Map<String, List<SpecificRecord>> byOrder, List<String> violations) {
        for (StockChanged change : observed.stockEvents()) {
            checkStockChange(change, violations);
        }
        countBy(observed.stockEvents(), change -> change.getSkuId() + " version " + change.getVersion())
                .forEach((key, count) -> {
                    if (count > 1) {
                        violations.add("skuId=" + key + " has " + count + " StockChanged events");
                    }
                });

        Map<String, StockChanged> last = observed.stockEvents().stream().collect(Collectors.toMap(
                StockChanged::getSkuId, Function.identity(),
                (a, b) -> a.getVersion() >= b.getVersion() ? a : b));
        for (String skuId : expected.stockBySku().keySet()) {
            StockChanged latest = last.get(skuId);
            if (latest == null) {
                violations.add("skuId=" + skuId + " has no StockChanged");
                continue;
            }
            long confirmedUnits = unitsOf(byOrder, skuId, events -> count(events, OrderConfirmed.class::isInstance) > 0);
            long heldUnits = unitsOf(byOrder, skuId, events -> count(events, OutcomeVerifier::isTerminal) == 0);
            if (latest.getSold() != confirmedUnits) {
                violations.add("skuId=" + skuId + " last StockChanged says sold=" + latest.getSold()
                        + " but confirmed orders hold " + confirmedUnits + " units");
            }
            if (latest.getReserved() != heldUnits) {
                violations.add("skuId=" + skuId + " last StockChanged says reserved=" + latest.getReserved()
                        + " but open reservations hold " + heldUnits + " units");
            }
        }
    }

    private void checkStockChange(StockChanged change, List<String> violations) {
        String skuId = change.getSkuId();
        Long loaded = expected.stockBySku().get(skuId);
        String where = "skuId=" + skuId + " version " + change.getVersion();
        if (loaded == null) {
            violations.add(where + " is a SKU the test never loaded");
        } else if (change.getStock() != loaded) {
            violations.add(where + " has stock " + change.getStock() + " but " + loaded + " were loaded");
        }
        if (change.getAvailable() < 0 || change.getReserved() < 0 || change.getSold() < 0) {
            violations.add(where + " has a negative count " + countsOf(change));
        }
        if (change.getReserved() + change.getSold() > change.getStock()) {
            violations.add(where + " holds and sold more than its stock " + countsOf(change));
        }
        if (change.getAvailable() + change.getReserved() + change.getSold() != change.getStock()) {
            violations.add(where + " does not add up: available + reserved + sold != stock " + countsOf(change));
        }
    }

    /** Sums the reserved quantity of the SKU's orders whose events match. */
    private static long unitsOf(Map<String, List<SpecificRecord>> byOrder, String skuId,
                                Predicate<List<SpecificRecord>> matches) {
        long units = 0;
        for (List<SpecificRecord> events : byOrder.values()) {
            for (OrderReserved reserved : ofType(events, OrderReserved.class)) {
                if (reserved.getSkuId().equals(skuId) && matches.test(events)) {
                    units += reserved.getQuantity();
                }
            }
        }
        return units;
    }

    static boolean isDecision(SpecificRecord event) {
        return event instanceof OrderReserved || event instanceof OrderRejected || isSubmissionDeadLettered(event);
    }

    static boolean isTerminal(SpecificRecord event) {
        return event instanceof OrderConfirmed || event instanceof OrderExpired || event instanceof OrderCancelled
                || event instanceof OrderRejected || isSubmissionDeadLettered(event);
    }

    private static boolean isSubmissionDeadLettered(SpecificRecord event) {
        return event instanceof OrderDeadLettered deadLettered && SUBMISSION.equals(deadLettered.getCommand());
    }

    static String orderIdOf(SpecificRecord event) {
        return field(event, "orderId");
    }

    private static Map<String, List<SpecificRecord>> byOrderId(List<SpecificRecord> orderEvents) {
        return orderEvents.stream().collect(Collectors.groupingBy(OutcomeVerifier::orderIdOf,
                LinkedHashMap::new, Collectors.toList()));
    }

    private static String eventIdOf(SpecificRecord event) {
        return field(event, "eventId");
    }

    /** Reads a string field that every event type of the pipeline has, such as eventId or orderId. */
    private static String field(SpecificRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        Object value = field == null ? null : event.get(field.pos());
        return value == null ? "" : value.toString();
    }

    private static <T> List<T> ofType(List<SpecificRecord> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    private static long count(List<SpecificRecord> events, Predicate<SpecificRecord> matches) {
        return events.stream().filter(matches).count();
    }

    private static String typesOf(List<SpecificRecord> events) {
        return events.stream().map(event -> event.getClass().getSimpleName()).toList().toString();
    }

    private static String countsOf(StockChanged change) {
        return "(stock " + change.getStock() + ", available " + change.getAvailable() + ", reserved "
                + change.getReserved() + ", sold " + change.getSold() + ")";
    }

    /** Counts each outcome type over the events, for a report. */
    static Map<String, Long> outcomeCounts(List<SpecificRecord> orderEvents) {
        return orderEvents.stream().collect(Collectors.groupingBy(event -> event.getClass().getSimpleName(),
                TreeMap::new, Collectors.counting()));
    }

    /** Returns the distinct orderIds that appear in the events. */
    static Set<String> orderIds(List<SpecificRecord> orderEvents) {
        return orderEvents.stream().map(event -> field(event, "orderId")).collect(Collectors.toCollection(TreeSet::new));
    }
}
