package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.SALE_END;
import static com.flashsale.processor.topology.Events.SALE_START;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Runs random sequences of stock commands and submissions through the topology and checks, after
 * every step, the outputs against a plain reference model and the stock invariant: per SKU
 * {@code available + reserved + sold == stock} (loaded plus adjustments), none negative.
 */
class RandomizedStockTest {

    private static final int STEPS = 300;
    private static final int MAX_QUANTITY = 10;
    private static final List<String> SKUS = List.of("sku-a", "sku-b", "sku-c");
    private static final List<String> USERS = List.of("user-1", "user-2", "user-3", "user-4", "user-5");

    @TempDir
    Path stateDir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20).map(n -> n * 7919);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stockStaysConsistentUnderRandomCommands(long seed) {
        Random random = new Random(seed);
        Model model = new Model();
        List<String> orderIds = new ArrayList<>();

        try (TopologyHarness harness = new TopologyHarness(stateDir,
                TopologySettings.defaults().withMaxQuantityPerOrder(MAX_QUANTITY))) {
            for (int step = 0; step < STEPS; step++) {
                String context = "seed=" + seed + " step=" + step;
                int action = random.nextInt(100);
                if (action < 12) {
                    setStock(harness, model, random, context);
                } else if (action < 25) {
                    adjustStock(harness, model, random, context);
                } else {
                    submit(harness, model, random, orderIds, context);
                }

                assertStoresMatch(harness, model, context);
                assertThat(harness.orderEvents.isEmpty()).as("%s order-events drained", context).isTrue();
                assertThat(harness.stockEvents.isEmpty()).as("%s stock-events drained", context).isTrue();
                assertThat(harness.deadLetter.isEmpty()).as("%s dead-letter empty", context).isTrue();
            }
        }
    }

    private void setStock(TopologyHarness harness, Model model, Random random, String context) {
        String skuId = pick(random, SKUS);
        SetStock command = Events.setStock(skuId, random.nextInt(31), 1 + random.nextInt(5));

        harness.send(command);

        SkuStock expected = model.setStock(command);
        assertStockChanged(harness, expected, skuId, context + " SetStock " + command);
    }

    private void adjustStock(TopologyHarness harness, Model model, Random random, String context) {
        String skuId = pick(random, SKUS);
        AdjustStock command = Events.adjustStock(skuId, random.nextInt(21) - 10);

        harness.send(command);

        SkuStock expected = model.adjustStock(command);
        assertStockChanged(harness, expected, skuId, context + " AdjustStock " + command);
    }

    private void submit(TopologyHarness harness, Model model, Random random, List<String> orderIds, String context) {
        boolean repeat = !orderIds.isEmpty() && random.nextInt(4) == 0;
        String orderId = repeat ? pick(random, orderIds) : "order-" + orderIds.size();
        if (!repeat) {
            orderIds.add(orderId);
        }
        OrderSubmitted submission = Events.submission(orderId, pick(random, SKUS), pick(random, USERS),
                randomQuantity(random), randomTime(random));

        harness.submit(submission);

        String description = context + " " + submission;
        Decision expected = model.decide(submission);
        List<SpecificRecord> outcomes = harness.orderEvents.readValuesToList();
        if (expected == null) {
            assertThat(outcomes).as("%s: a repeated order writes nothing", description).isEmpty();
            return;
        }

        assertThat(outcomes).as("%s: one outcome", description).hasSize(1);
        SpecificRecord outcome = outcomes.get(0);
        if (expected.reason() == RejectionReason.UNKNOWN_SKU) {
            // The clock never moves in this test, so the retry stays pending.
            assertThat(outcome).as(description).isInstanceOf(OrderRetryScheduled.class);
        } else if (expected.reason() != null) {
            assertThat(outcome).as(description).isInstanceOf(OrderRejected.class);
            assertThat(((OrderRejected) outcome).getReason()).as(description).isEqualTo(expected.reason());
        } else {
            assertThat(outcome).as(description).isInstanceOf(OrderReserved.class);
            assertThat(((OrderReserved) outcome).getQuantity()).as(description).isEqualTo(submission.getQuantity());
        }
        assertStockChanged(harness, expected.stock(), submission.getSkuId(), description);
    }

    /** Checks that exactly the expected StockChanged was written, or none when expected is null. */
    private static void assertStockChanged(TopologyHarness harness, SkuStock expected, String skuId, String description) {
        List<SpecificRecord> changes = harness.stockEvents.readValuesToList();
        if (expected == null) {
            assertThat(changes).as("%s: no stock change", description).isEmpty();
            return;
        }

        assertThat(changes).as("%s: one stock change", description).hasSize(1);
        StockChanged changed = (StockChanged) changes.get(0);
        assertThat(changed.getSkuId()).as(description).isEqualTo(skuId);
        assertThat(changed.getVersion()).as("%s version", description).isEqualTo(expected.version());
        assertThat(changed.getStock()).as("%s stock", description).isEqualTo(expected.stock());
        assertThat(changed.getAvailable()).as("%s available", description).isEqualTo(expected.available());
        assertThat(changed.getReserved()).as("%s reserved", description).isEqualTo(expected.reserved());
        assertThat(changed.getSold()).as("%s sold", description).isEqualTo(expected.sold());
        assertThat(changed.getAvailable() + changed.getReserved() + changed.getSold())
                .as("%s available + reserved + sold", description).isEqualTo(changed.getStock());
    }

    private static void assertStoresMatch(TopologyHarness harness, Model model, String context) {
        for (String skuId : SKUS) {
            SkuStock stored = harness.stockStore().get(skuId);
            assertThat(stored).as("%s store of %s", context, skuId).isEqualTo(model.stocks.get(skuId));
            if (stored == null) {
                continue;
            }
            assertThat(stored.available()).as("%s available of %s", context, skuId).isNotNegative();
            assertThat(stored.reserved()).as("%s reserved of %s", context, skuId).isNotNegative();
            assertThat(stored.sold()).as("%s sold of %s", context, skuId).isNotNegative();
            assertThat(stored.available() + stored.reserved() + stored.sold())
                    .as("%s available + reserved + sold of %s", context, skuId).isEqualTo(stored.stock());
            assertThat(stored.stock()).as("%s stock of %s is loaded plus adjustments", context, skuId)
                    .isEqualTo(model.loadedPlusAdjustments.get(skuId));
            assertThat(stored.reserved() + stored.sold()).as("%s reserved + sold of %s", context, skuId)
                    .isLessThanOrEqualTo(stored.stock());
        }
        for (Map.Entry<HoldKey, Long> hold : model.holds.entrySet()) {
            assertThat(harness.holdStore().get(hold.getKey())).as("%s held %s", context, hold.getKey())
                    .isEqualTo(hold.getValue());
        }
    }

    private static int randomQuantity(Random random) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return random.nextInt(2) - 1;
        }
        if (roll == 1) {
            return MAX_QUANTITY + 1;
        }
        return 1 + random.nextInt(3);
    }

    private static Instant randomTime(Random random) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return SALE_START.minusSeconds(1 + random.nextInt(60));
        }
        if (roll == 1) {
            return SALE_END.plusMillis(random.nextInt(2));
        }
        return DURING_SALE.plusSeconds(random.nextInt(600));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Expected outcome of a submission: a rejection reason, or null and the SKU's new stock. */
    private record Decision(RejectionReason reason, SkuStock stock) {
    }

    /** The rules written out plainly, as the reference the topology must agree with. */
    private static final class Model {

        final Map<String, SkuStock> stocks = new HashMap<>();
        final Map<String, Long> loadedPlusAdjustments = new HashMap<>();
        final Map<HoldKey, Long> holds = new HashMap<>();
        final Set<String> seenOrders = new HashSet<>();

        SkuStock setStock(SetStock command) {
            SkuStock current = stocks.get(command.getSkuId());
            long reserved = current == null ? 0 : current.reserved();
            long sold = current == null ? 0 : current.sold();
            long version = current == null ? 0 : current.version();
            if (command.getStock() < reserved + sold) {
                return null;
            }
            SkuStock next = new SkuStock(command.getStock(), command.getStock() - reserved - sold, reserved, sold,
                    command.getPerUserLimit(), command.getSaleStart().toEpochMilli(),
                    command.getSaleEnd().toEpochMilli(), version + 1);
            stocks.put(command.getSkuId(), next);
            loadedPlusAdjustments.put(command.getSkuId(), command.getStock());
            return next;
        }

        SkuStock adjustStock(AdjustStock command) {
            SkuStock current = stocks.get(command.getSkuId());
            if (current == null || current.stock() + command.getDelta() < current.reserved() + current.sold()) {
                return null;
            }
            SkuStock next = new SkuStock(current.stock() + command.getDelta(), current.available() + command.getDelta(),
                    current.reserved(), current.sold(), current.perUserLimit(), current.saleStart(),
                    current.saleEnd(), current.version() + 1);
            stocks.put(command.getSkuId(), next);
            loadedPlusAdjustments.merge(command.getSkuId(), command.getDelta(), Long::sum);
            return next;
        }

        /** Returns null for a repeated order, which the topology must ignore. */
        Decision decide(OrderSubmitted submission) {
            if (!seenOrders.add(submission.getOrderId())) {
                return null;
            }
            SkuStock stock = stocks.get(submission.getSkuId());
            HoldKey holdKey = new HoldKey(submission.getSkuId(), submission.getUserId());
            long held = holds.getOrDefault(holdKey, 0L);
            int quantity = submission.getQuantity();
            long at = submission.getOccurredAt().toEpochMilli();

            RejectionReason reason = null;
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                reason = RejectionReason.INVALID;
            } else if (stock == null) {
                reason = RejectionReason.UNKNOWN_SKU;
            } else if (at < stock.saleStart()) {
                reason = RejectionReason.SALE_NOT_OPEN;
            } else if (at >= stock.saleEnd()) {
                reason = RejectionReason.SALE_ENDED;
            } else if (held + quantity > stock.perUserLimit()) {
                reason = RejectionReason.LIMIT_EXCEEDED;
            } else if (stock.available() < quantity) {
                reason = RejectionReason.SOLD_OUT;
            }
            if (reason != null) {
                return new Decision(reason, null);
            }

            SkuStock next = new SkuStock(stock.stock(), stock.available() - quantity, stock.reserved() + quantity,
                    stock.sold(), stock.perUserLimit(), stock.saleStart(), stock.saleEnd(), stock.version() + 1);
            stocks.put(submission.getSkuId(), next);
            holds.put(holdKey, held + quantity);
            return new Decision(null, next);
        }
    }
}
