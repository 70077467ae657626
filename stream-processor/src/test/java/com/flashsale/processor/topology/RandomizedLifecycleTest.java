package com.flashsale.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs random interleavings of stock commands, submissions, duplicates, payments, cancels and
 * wall-clock advances through the topology. After every step it checks three invariants against
 * the stores and the events written so far. Per SKU, {@code available + reserved + sold == stock}
 * and none is negative. Per user and SKU, the units of RESERVED and CONFIRMED orders stay within
 * the per-user limit. Every order has at most one OrderReserved and at most one terminal state.
 * After a final clock advance that drains all holds and retries, every submitted order has
 * exactly one terminal state.
 */
class RandomizedLifecycleTest {

    private static final int STEPS = 300;
    private static final Duration HOLD = Duration.ofSeconds(20);
    private static final List<String> SKUS = List.of("sku-a", "sku-b", "sku-c");
    private static final List<String> USERS = List.of("user-1", "user-2", "user-3");
    private static final Set<String> OPEN = Set.of("RETRYING", "RESERVED");
    private static final Set<String> UNPAYABLE = Set.of("EXPIRED", "CANCELLED", "REJECTED", "DEAD_LETTERED");

    @TempDir
    Path stateDir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10).map(n -> n * 104_729);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lifecycleKeepsInvariantsUnderRandomCommands(long seed) {
        Random random = new Random(seed);
        Observed observed = new Observed();

        try (TopologyHarness harness = new TopologyHarness(stateDir, TopologySettings.defaults().withHoldDuration(HOLD))) {
            Clock clock = new Clock(Events.DURING_SALE);
            for (int step = 0; step < STEPS; step++) {
                String context = "seed=" + seed + " step=" + step;
                randomStep(harness, random, clock, observed, context);
                observed.collect(harness, context);
                assertInvariants(harness, observed, context);
            }

            for (int second = 0; second < 60; second++) {
                clock.advance(harness, Duration.ofSeconds(1));
                observed.collect(harness, "seed=" + seed + " drain");
            }

            String context = "seed=" + seed + " after draining";
            assertInvariants(harness, observed, context);
            for (String orderId : observed.submitted.keySet()) {
                assertThat(observed.terminals.getOrDefault(orderId, 0))
                        .as("%s terminal states of %s (status %s)", context, orderId, observed.status.get(orderId))
                        .isEqualTo(1);
            }
            assertThat(TopologyHarness.entryCount(harness.holdExpiryStore())).as("%s holds left", context).isZero();
            assertThat(TopologyHarness.entryCount(harness.reserveRetryStore())).as("%s reserve retries left", context).isZero();
            assertThat(TopologyHarness.entryCount(harness.routeRetryStore())).as("%s route retries left", context).isZero();
        }
    }

    private void randomStep(TopologyHarness harness, Random random, Clock clock, Observed observed, String context) {
        int action = random.nextInt(100);
        String skuId = pick(random, SKUS);
        if (action < 8) {
            // Only raises the limit: a lowered limit applies to new orders, so existing reservations could exceed it.
            SkuStock current = harness.stockStore().get(skuId);
            int floor = current == null ? 1 : current.perUserLimit();
            int limit = Math.max(floor, 1 + random.nextInt(5));
            harness.send(Events.setStock(skuId, random.nextInt(21), limit));
        } else if (action < 15) {
            harness.send(Events.adjustStock(skuId, random.nextInt(11) - 5));
        } else if (action < 50) {
            submitNew(harness, random, clock, observed);
        } else if (action < 58 && !observed.submitted.isEmpty()) {
            String orderId = pick(random, new ArrayList<>(observed.submitted.keySet()));
            harness.submit(Events.submission(orderId, skuId, pick(random, USERS), 1, clock.now));
        } else if (action < 72) {
            harness.send(Events.payment(commandTarget(random, observed), pick(random, USERS), clock.now));
        } else if (action < 80) {
            sendCancel(harness, random, commandTarget(random, observed), observed, clock);
        } else {
            clock.advance(harness, Duration.ofMillis(500 + random.nextInt(5500)));
        }
    }

    private void submitNew(TopologyHarness harness, Random random, Clock clock, Observed observed) {
        // An id that a command already used models a payment racing its own submission.
        String orderId = observed.commandedFirst.isEmpty()
                ? "order-" + observed.nextOrder++
                : observed.commandedFirst.remove(0);
        int roll = random.nextInt(20);
        int quantity = roll == 0 ? 0 : 1 + random.nextInt(3);
        OrderSubmitted submission = Events.submission(orderId, pick(random, SKUS), pick(random, USERS), quantity, clock.now);
        observed.submitted.put(orderId, submission);
        harness.submit(submission);
    }

    /** Sends a cancel from the owner, the merchant, or now and then another shopper, whose cancel is ignored. */
    private static void sendCancel(TopologyHarness harness, Random random, String orderId, Observed observed,
                                   Clock clock) {
        OrderSubmitted order = observed.submitted.get(orderId);
        int roll = random.nextInt(10);
        if (roll == 0) {
            harness.send(Events.merchantCancel(orderId, clock.now));
        } else if (roll == 1 || order == null) {
            harness.send(Events.cancel(orderId, pick(random, USERS), clock.now));
        } else {
            harness.send(Events.cancel(orderId, order.getUserId(), clock.now));
        }
    }

    /** Picks a submitted order, or now and then an id whose submission comes later. */
    private static String commandTarget(Random random, Observed observed) {
        if (observed.submitted.isEmpty() || random.nextInt(10) == 0) {
            String orderId = "order-" + observed.nextOrder++;
            observed.commandedFirst.add(orderId);
            return orderId;
        }
        return pick(random, new ArrayList<>(observed.submitted.keySet()));
    }

    private static void assertInvariants(TopologyHarness harness, Observed observed, String context) {
        Map<HoldKey, Long> held = new HashMap<>();
        Map<String, Long> reserved = new HashMap<>();
        Map<String, Long> sold = new HashMap<>();
        for (Map.Entry<String, String> entry : observed.status.entrySet()) {
            OrderSubmitted order = observed.submitted.get(entry.getKey());
            String status = entry.getValue();
            if (order == null || (!status.equals("RESERVED") && !status.equals("CONFIRMED"))) {
                continue;
            }
            held.merge(new HoldKey(order.getSkuId(), order.getUserId()), (long) order.getQuantity(), Long::sum);
            (status.equals("RESERVED") ? reserved : sold).merge(order.getSkuId(), (long) order.getQuantity(), Long::sum);
        }

        for (String skuId : SKUS) {
            SkuStock stock = harness.stockStore().get(skuId);
            if (stock == null) {
                continue;
            }
            String sku = context + " " + skuId;
            assertThat(stock.available()).as("%s available", sku).isNotNegative();
            assertThat(stock.reserved()).as("%s reserved", sku).isNotNegative();
            assertThat(stock.sold()).as("%s sold", sku).isNotNegative();
            assertThat(stock.available() + stock.reserved() + stock.sold()).as("%s available + reserved + sold", sku)
                    .isEqualTo(stock.stock());
            assertThat(stock.reserved()).as("%s reserved = units of RESERVED orders", sku)
                    .isEqualTo(reserved.getOrDefault(skuId, 0L));
            assertThat(stock.sold()).as("%s sold = units of CONFIRMED orders", sku).isEqualTo(sold.getOrDefault(skuId, 0L));
            for (String userId : USERS) {
                HoldKey key = new HoldKey(skuId, userId);
                long units = held.getOrDefault(key, 0L);
                assertThat(units).as("%s %s RESERVED + CONFIRMED within limit", sku, userId)
                        .isLessThanOrEqualTo(stock.perUserLimit());
                assertThat(harness.holdStore().get(key)).as("%s %s held units in store", sku, userId)
                        .isEqualTo(units == 0 ? null : units);
            }
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The test's wall clock, moved together with the driver's. */
    private static final class Clock {

        Instant now;

        Clock(Instant start) {
            this.now = start;
        }

        void advance(TopologyHarness harness, Duration duration) {
            now = now.plus(duration);
            harness.advance(duration);
        }
    }

    /** Orders as the events written so far describe them. */
    private static final class Observed {

        final Map<String, OrderSubmitted> submitted = new HashMap<>();
        final List<String> commandedFirst = new ArrayList<>();
        final Map<String, String> status = new HashMap<>();
        final Map<String, Integer> terminals = new HashMap<>();
        final Map<String, Integer> reservations = new HashMap<>();
        int nextOrder;

        /** Reads every new output record and checks each event against the order's state before it. */
        void collect(TopologyHarness harness, String context) {
            for (SpecificRecord event : harness.stockEvents.readValuesToList()) {
                StockChanged changed = (StockChanged) event;
                assertThat(changed.getAvailable() + changed.getReserved() + changed.getSold())
                        .as("%s StockChanged sums to stock %s", context, changed).isEqualTo(changed.getStock());
                assertThat(Math.min(changed.getAvailable(), Math.min(changed.getReserved(), changed.getSold())))
                        .as("%s StockChanged none negative %s", context, changed).isNotNegative();
            }
            for (SpecificRecord event : harness.orderEvents.readValuesToList()) {
                apply(event, context + " " + event);
            }
            // Dead-letter copies are checked in RetryTest; here only their events matter.
            harness.deadLetter.readRecordsToList();
        }

        private void apply(SpecificRecord event, String context) {
            if (event instanceof OrderRetryScheduled retry) {
                if (retry.getCommand().equals("OrderSubmitted")) {
                    assertThat(status.get(retry.getOrderId())).as(context).isIn(null, "RETRYING");
                    status.put(retry.getOrderId(), "RETRYING");
                }
            } else if (event instanceof OrderReserved reserved) {
                assertThat(reservations.merge(reserved.getOrderId(), 1, Integer::sum)).as("%s OrderReserved count", context)
                        .isEqualTo(1);
                assertThat(status.get(reserved.getOrderId())).as(context).isIn(null, "RETRYING");
                status.put(reserved.getOrderId(), "RESERVED");
            } else if (event instanceof OrderConfirmed confirmed) {
                end(confirmed.getOrderId(), "CONFIRMED", true, context);
            } else if (event instanceof OrderExpired expired) {
                end(expired.getOrderId(), "EXPIRED", true, context);
            } else if (event instanceof OrderCancelled cancelled) {
                end(cancelled.getOrderId(), "CANCELLED", true, context);
            } else if (event instanceof OrderRejected rejected) {
                end(rejected.getOrderId(), "REJECTED", false, context);
            } else if (event instanceof OrderDeadLettered deadLettered) {
                // A command given up on leaves its order as it is.
                if (deadLettered.getCommand().equals("OrderSubmitted")) {
                    end(deadLettered.getOrderId(), "DEAD_LETTERED", false, context);
                }
            } else if (event instanceof PaymentRejected rejected) {
                assertThat(rejected.getOrderStatus()).as(context).isIn(UNPAYABLE);
                assertThat(status.get(rejected.getOrderId())).as(context).isEqualTo(rejected.getOrderStatus());
            } else {
                throw new AssertionError(context + ": unexpected event type");
            }
        }

        private void end(String orderId, String newStatus, boolean fromReserved, String context) {
            assertThat(terminals.merge(orderId, 1, Integer::sum)).as("%s terminal states", context).isEqualTo(1);
            if (fromReserved) {
                assertThat(status.get(orderId)).as("%s state before", context).isEqualTo("RESERVED");
            } else {
                assertThat(status.get(orderId)).as("%s state before", context).isIn(null, "RETRYING");
            }
            assertThat(OPEN).as(context).doesNotContain(newStatus);
            status.put(orderId, newStatus);
        }
    }
}
