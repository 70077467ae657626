package com.flashsale.projection.audit;

import com.flashsale.projection.audit.Violation.Kind;
import com.flashsale.projection.core.EventTranslator;
import com.flashsale.projection.core.OrderChange;
import com.flashsale.projection.core.OrderStatus;
import com.flashsale.projection.core.StockChange;
import com.flashsale.projection.core.ViewChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * Checks the pipeline's invariants on the events themselves, in any arrival order. It checks stock
 * balance and oversell on every StockChanged and the per-user limit on the orders' final states.
 * Each order may have at most one outcome and one reservation, and only submitted orders may have
 * outcomes. An event id seen before is counted once.
 */
public class InvariantChecker {

    static final Set<String> TERMINAL_EVENTS = Set.of(
            "OrderRejected", "OrderConfirmed", "OrderExpired", "OrderCancelled", "OrderDeadLettered");

    /** Events the processor also writes for commands about an order it does not know. */
    static final Set<String> UNKNOWN_ORDER_EVENTS = Set.of("OrderRetryScheduled", "OrderDeadLettered", "PaymentRejected");

    private final EventTranslator translator = new EventTranslator();
    private final Set<String> seenEventIds = new HashSet<>();
    private final Set<String> submittedOrders = new HashSet<>();
    private final Map<String, OrderEvents> ordersById = new TreeMap<>();
    private final Map<String, StockChange> latestStock = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Long> eventCounts = new TreeMap<>();
    private long duplicateEvents;

    /** Takes one decoded record of any event topic; commands are only counted. */
    public void accept(SpecificRecord event) {
        eventCounts.merge(event.getSchema().getName(), 1L, Long::sum);
        Optional<ViewChange> change = translator.translate(event);
        if (change.isEmpty()) {
            return;
        }
        if (!seenEventIds.add(change.get().eventId())) {
            duplicateEvents++;
            return;
        }
        if (change.get() instanceof OrderChange order) {
            acceptOrder(order);
        } else if (change.get() instanceof StockChange stock) {
            acceptStock(stock);
        }
    }

    private void acceptOrder(OrderChange order) {
        if (order.eventType().equals("OrderSubmitted")) {
            submittedOrders.add(order.orderId());
        }
        ordersById.computeIfAbsent(order.orderId(), id -> new OrderEvents(order.userId(), order.skuId()))
                .add(order);
    }

    private void acceptStock(StockChange stock) {
        checkStockBalance(stock);
        latestStock.merge(stock.skuId(), stock, (old, now) -> now.version() > old.version() ? now : old);
    }

    private void checkStockBalance(StockChange stock) {
        String at = "SKU " + stock.skuId() + " at version " + stock.version();
        List<String> sku = List.of(stock.skuId());
        if (stock.available() + stock.reserved() + stock.sold() != stock.stock()) {
            violations.add(new Violation(Kind.STOCK_NOT_BALANCED, at + ": available " + stock.available()
                    + " + reserved " + stock.reserved() + " + sold " + stock.sold() + " != stock " + stock.stock(),
                    List.of(), sku));
        }
        if (stock.available() < 0 || stock.reserved() < 0 || stock.sold() < 0 || stock.stock() < 0) {
            violations.add(new Violation(Kind.NEGATIVE_STOCK, at + " has a negative count: stock " + stock.stock()
                    + ", available " + stock.available() + ", reserved " + stock.reserved() + ", sold " + stock.sold(),
                    List.of(), sku));
        }
        if (stock.sold() + stock.reserved() > stock.stock()) {
            violations.add(new Violation(Kind.OVERSOLD, at + ": sold " + stock.sold() + " + reserved "
                    + stock.reserved() + " > stock " + stock.stock(), List.of(), sku));
        }
    }

    /** Returns the violations of every event accepted so far, stock checks first, then orders by id. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>(violations);
        ordersById.forEach((orderId, events) -> all.addAll(events.violations(orderId, submittedOrders)));
        all.addAll(userLimitViolations());
        return all;
    }

    /** Returns the events about unknown orders that commands legitimately cause. */
    public List<Violation> warnings() {
        List<Violation> warnings = new ArrayList<>();
        ordersById.forEach((orderId, events) -> events.unknownOrderWarning(orderId, submittedOrders)
                .ifPresent(warnings::add));
        return warnings;
    }

    /**
     * Sums the units of each user per SKU in orders whose final state is RESERVED or CONFIRMED.
     * NOTE: this checks the final states against the latest per-user limit, not every moment of the
     * sale, so a limit exceeded only while a later-expired hold existed goes unnoticed.
     */
    private List<Violation> userLimitViolations() {
        Map<List<String>, List<String>> ordersByUserAndSku = new LinkedHashMap<>();
        Map<List<String>, Long> unitsByUserAndSku = new HashMap<>();
        ordersById.forEach((orderId, events) -> {
            if (events.holdsUnits()) {
                List<String> key = List.of(events.userId, events.skuId);
                ordersByUserAndSku.computeIfAbsent(key, k -> new ArrayList<>()).add(orderId);
                unitsByUserAndSku.merge(key, (long) events.quantity(), Long::sum);
            }
        });

        List<Violation> found = new ArrayList<>();
        ordersByUserAndSku.forEach((key, orderIds) -> {
            StockChange stock = latestStock.get(key.get(1));
            long units = unitsByUserAndSku.get(key);
            if (stock != null && units > stock.perUserLimit()) {
                found.add(new Violation(Kind.USER_LIMIT_EXCEEDED, "user " + key.get(0) + " holds " + units
                        + " units of SKU " + key.get(1) + " but the per-user limit is " + stock.perUserLimit(),
                        orderIds, List.of(key.get(1))));
            }
        });
        return found;
    }

    public Map<String, Long> eventCounts() {
        return Map.copyOf(eventCounts);
    }

    public long duplicateEvents() {
        return duplicateEvents;
    }

    public int submittedOrders() {
        return submittedOrders.size();
    }

    /** Returns the number of submitted orders that have no terminal event yet. */
    public long openOrders() {
        return submittedOrders.stream().filter(id -> ordersById.get(id).terminalEvents.isEmpty()).count();
    }

    public int skus() {
        return latestStock.size();
    }

    /** The events of one order in the log, reduced to what the checks need. */
    private static final class OrderEvents {

        private final String userId;
        private final String skuId;
        private final Set<String> types = new HashSet<>();
        private final List<String> terminalEvents = new ArrayList<>();
        private int reservations;
        private Integer quantity;
        private OrderStatus finalStatus;

        OrderEvents(String userId, String skuId) {
            this.userId = userId;
            this.skuId = skuId;
        }

        void add(OrderChange event) {
            types.add(event.eventType());
            if (TERMINAL_EVENTS.contains(event.eventType())) {
                terminalEvents.add(event.eventType());
            }
            if (event.eventType().equals("OrderReserved")) {
                reservations++;
            }
            if (quantity == null) {
                quantity = event.quantity();
            }
            if (event.status() != null && (finalStatus == null || event.status().rank() > finalStatus.rank())) {
                finalStatus = event.status();
            }
        }

        int quantity() {
            return quantity == null ? 0 : quantity;
        }

        /** A reserved order holds its units until an outcome, and a confirmed one keeps them. */
        boolean holdsUnits() {
            return finalStatus == OrderStatus.RESERVED
                    || (finalStatus != null && finalStatus.isTerminal() && terminalEvents.equals(List.of("OrderConfirmed")));
        }

        List<Violation> violations(String orderId, Set<String> submitted) {
            List<Violation> found = new ArrayList<>();
            List<String> order = List.of(orderId);
            List<String> sku = List.of(skuId);
            if (terminalEvents.size() > 1) {
                found.add(new Violation(Kind.MULTIPLE_TERMINAL_EVENTS, "order " + orderId + " has "
                        + terminalEvents.size() + " terminal events: " + String.join(", ", terminalEvents), order, sku));
            }
            if (reservations > 1) {
                found.add(new Violation(Kind.MULTIPLE_RESERVATIONS, "order " + orderId + " was reserved "
                        + reservations + " times", order, sku));
            }
            if (!submitted.contains(orderId) && !UNKNOWN_ORDER_EVENTS.containsAll(types)) {
                Set<String> unexpected = new TreeSet<>(types);
                unexpected.removeAll(UNKNOWN_ORDER_EVENTS);
                found.add(new Violation(Kind.EVENT_FOR_UNSUBMITTED_ORDER, "order " + orderId
                        + " was never submitted but has " + String.join(", ", unexpected), order, sku));
            }
            return found;
        }

        Optional<Violation> unknownOrderWarning(String orderId, Set<String> submitted) {
            if (submitted.contains(orderId) || !UNKNOWN_ORDER_EVENTS.containsAll(types)) {
                return Optional.empty();
            }
            return Optional.of(new Violation(Kind.COMMAND_FOR_UNKNOWN_ORDER, "order " + orderId
                    + " was never submitted; a command about it led to " + String.join(", ", new TreeSet<>(types)),
                    List.of(orderId), List.of(skuId)));
        }
    }
}
