package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.PendingRetry;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor that was down past a hold's deadline or a retry's due time runs it once when it
 * comes back.
 *
 * <p>NOTE: TopologyTestDriver in Kafka Streams 4.4.0 deletes its state directory on close, so a
 * second driver on the same directory starts empty. The real client restores the stores from their
 * changelogs. These tests copy the first driver's store contents into the second driver's stores,
 * which is what that restore does, and then check what the punctuators do with them.
 */
class RestartTest {

    private static final String SKU = "sku-1";
    private static final Duration HOLD = Duration.ofSeconds(20);
    private static final TopologySettings SETTINGS = TopologySettings.defaults().withHoldDuration(HOLD);

    @TempDir
    Path stateDir;

    @Test
    void testDriverStartsEmptyOnSameStateDir() {
        try (TopologyHarness first = new TopologyHarness(stateDir, SETTINGS)) {
            first.send(setStock(SKU, 5, 5));
        }

        try (TopologyHarness second = new TopologyHarness(stateDir, SETTINGS)) {
            assertThat(second.stockStore().get(SKU)).isNull();
        }
    }

    @Test
    void overdueHoldExpiresOnceAfterRestart() {
        Snapshot snapshot;
        try (TopologyHarness first = new TopologyHarness(stateDir, SETTINGS)) {
            first.send(setStock(SKU, 5, 5));
            first.submit(submission("order-1", SKU, "user-1", 2, DURING_SALE));
            assertThat(first.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
            snapshot = Snapshot.of(first);
        }

        try (TopologyHarness second = new TopologyHarness(stateDir, SETTINGS)) {
            snapshot.restoreInto(second);

            second.advance(HOLD.plusMinutes(5));
            second.advance(Duration.ofSeconds(1));

            List<?> events = second.orderEvents.readValuesToList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).isInstanceOf(OrderExpired.class);
            StockChanged stock = (StockChanged) second.stockEvents.readValue();
            assertThat(stock.getAvailable()).isEqualTo(5);
            assertThat(stock.getReserved()).isZero();
            assertThat(second.orderStore().get("order-1").status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(second.stockEvents.isEmpty()).isTrue();
        }
    }

    @Test
    void pendingRetryRunsAfterRestart() {
        Snapshot snapshot;
        try (TopologyHarness first = new TopologyHarness(stateDir, SETTINGS)) {
            first.submit(submission("order-1", SKU, "user-1", 2, DURING_SALE));
            assertThat(first.orderEvents.readValue()).isInstanceOf(OrderRetryScheduled.class);
            snapshot = Snapshot.of(first);
        }

        try (TopologyHarness second = new TopologyHarness(stateDir, SETTINGS)) {
            snapshot.restoreInto(second);
            second.send(setStock(SKU, 5, 5));
            second.stockEvents.readValue();

            second.advance(Duration.ofSeconds(3));

            assertThat(second.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
            assertThat(((StockChanged) second.stockEvents.readValue()).getReserved()).isEqualTo(2);
            assertThat(second.orderEvents.isEmpty()).isTrue();
            assertThat(TopologyHarness.entryCount(second.reserveRetryStore())).isZero();
        }
    }

    /** Contents of the reserve-stock stores, as a changelog restore would bring them back. */
    private record Snapshot(List<KeyValue<String, SkuStock>> stocks, List<KeyValue<String, SkuOrder>> orders,
                            List<KeyValue<HoldKey, Long>> holds, List<KeyValue<String, String>> expiries,
                            List<KeyValue<String, PendingRetry>> retries) {

        static Snapshot of(TopologyHarness harness) {
            return new Snapshot(copy(harness.stockStore()), copy(harness.orderStore()), copy(harness.holdStore()),
                    copy(harness.holdExpiryStore()), copy(harness.reserveRetryStore()));
        }

        void restoreInto(TopologyHarness harness) {
            harness.stockStore().putAll(stocks);
            harness.orderStore().putAll(orders);
            harness.holdStore().putAll(holds);
            harness.holdExpiryStore().putAll(expiries);
            harness.reserveRetryStore().putAll(retries);
        }

        private static <K, V> List<KeyValue<K, V>> copy(KeyValueStore<K, V> store) {
            List<KeyValue<K, V>> entries = new ArrayList<>();
            try (KeyValueIterator<K, V> iterator = store.all()) {
                iterator.forEachRemaining(entries::add);
            }
            return entries;
        }
    }
}
