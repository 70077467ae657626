package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.SALE_END;
import static com.flashsale.processor.topology.Events.SALE_START;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReserveStockTest {

    private static final String SKU = "sku-1";
    private static final Duration HOLD = Duration.ofMinutes(15);

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults().withHoldDuration(HOLD));
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void reservesStockWhenAvailable() {
        loadSale(SKU, 5, 3);
        OrderSubmitted order = submission("order-1", SKU, "user-1", 2, DURING_SALE);

        harness.submit(order);

        TestRecord<String, SpecificRecord> outcome = harness.orderEvents.readRecord();
        assertThat(outcome.key()).isEqualTo("order-1");
        assertThat(outcome.value()).isInstanceOf(OrderReserved.class);
        OrderReserved reserved = (OrderReserved) outcome.value();
        assertThat(reserved.getOrderId()).isEqualTo("order-1");
        assertThat(reserved.getSkuId()).isEqualTo(SKU);
        assertThat(reserved.getUserId()).isEqualTo("user-1");
        assertThat(reserved.getQuantity()).isEqualTo(2);
        assertThat(reserved.getCausationId()).isEqualTo(order.getEventId());
        assertThat(reserved.getEventId()).isNotEqualTo(order.getEventId());
        assertThat(reserved.getOccurredAt()).isEqualTo(DURING_SALE);
        assertThat(reserved.getExpiresAt()).isEqualTo(DURING_SALE.plus(HOLD));

        TestRecord<String, SpecificRecord> change = harness.stockEvents.readRecord();
        assertThat(change.key()).isEqualTo(SKU);
        StockChanged stock = (StockChanged) change.value();
        assertThat(stock.getVersion()).isEqualTo(2);
        assertThat(stock.getStock()).isEqualTo(5);
        assertThat(stock.getAvailable()).isEqualTo(3);
        assertThat(stock.getReserved()).isEqualTo(2);
        assertThat(stock.getSold()).isZero();
        assertThat(stock.getOrderId()).isEqualTo("order-1");
        assertThat(stock.getCausationId()).isEqualTo(order.getEventId());

        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(harness.holdStore().get(new HoldKey(SKU, "user-1"))).isEqualTo(2L);
        assertDrained();
    }

    @Test
    void rejectsWhenFewerUnitsAvailableThanOrdered() {
        loadSale(SKU, 1, 5);

        harness.submit(submission("order-1", SKU, "user-1", 2, DURING_SALE));

        assertRejected("order-1", RejectionReason.SOLD_OUT);
        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(1);
        assertDrained();
    }

    @Test
    void rejectsSecondOrderOnceStockIsGone() {
        loadSale(SKU, 1, 5);
        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE));
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);

        harness.submit(submission("order-2", SKU, "user-2", 1, DURING_SALE));

        assertRejected("order-2", RejectionReason.SOLD_OUT);
        assertDrained();
    }

    @Test
    void retriesSkuWithoutStockInsteadOfRejecting() {
        harness.submit(submission("order-1", "sku-missing", "user-1", 1, DURING_SALE));

        OrderRetryScheduled retry = (OrderRetryScheduled) harness.orderEvents.readValue();
        assertThat(retry.getOrderId()).isEqualTo("order-1");
        assertThat(retry.getAttempt()).isEqualTo(1);
        assertThat(retry.getCommand()).isEqualTo("OrderSubmitted");
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.RETRYING);
        assertThat(harness.stockStore().get("sku-missing")).isNull();
        assertDrained();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 11, Integer.MAX_VALUE})
    void rejectsQuantityOutsideLimits(int quantity) {
        loadSale(SKU, 100, 100);

        harness.submit(submission("order-1", SKU, "user-1", quantity, DURING_SALE));

        assertRejected("order-1", RejectionReason.INVALID);
        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(100);
        assertDrained();
    }

    @Test
    void rejectsBlankUserAsInvalid() {
        loadSale(SKU, 5, 5);

        harness.submit(submission("order-1", SKU, " ", 1, DURING_SALE));

        assertRejected("order-1", RejectionReason.INVALID);
        assertDrained();
    }

    @Test
    void rejectsOrderBeforeSaleStart() {
        loadSale(SKU, 5, 5);

        harness.submit(submission("order-1", SKU, "user-1", 1, SALE_START.minusMillis(1)));

        assertRejected("order-1", RejectionReason.SALE_NOT_OPEN);
        assertDrained();
    }

    @Test
    void reservesAtExactSaleStart() {
        loadSale(SKU, 5, 5);

        harness.submit(submission("order-1", SKU, "user-1", 1, SALE_START));

        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);
        assertDrained();
    }

    @Test
    void rejectsOrderAtSaleEnd() {
        loadSale(SKU, 5, 5);

        harness.submit(submission("order-1", SKU, "user-1", 1, SALE_END));

        assertRejected("order-1", RejectionReason.SALE_ENDED);
        assertDrained();
    }

    @Test
    void rejectsOrderAboveUserLimit() {
        loadSale(SKU, 10, 3);
        harness.submit(submission("order-1", SKU, "user-1", 2, DURING_SALE));
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);

        harness.submit(submission("order-2", SKU, "user-1", 2, DURING_SALE));
        harness.submit(submission("order-3", SKU, "user-2", 3, DURING_SALE));

        assertRejected("order-2", RejectionReason.LIMIT_EXCEEDED);
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(((StockChanged) harness.stockEvents.readValue()).getAvailable()).isEqualTo(5);
        assertThat(harness.holdStore().get(new HoldKey(SKU, "user-1"))).isEqualTo(2L);
        assertThat(harness.holdStore().get(new HoldKey(SKU, "user-2"))).isEqualTo(3L);
        assertDrained();
    }

    @Test
    void resubmissionOfSameOrderChangesNothing() {
        loadSale(SKU, 5, 5);
        loadSale("sku-2", 5, 5);
        OrderSubmitted first = submission("order-1", SKU, "user-1", 1, DURING_SALE);
        harness.submit(first);
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);
        SkuStock before = harness.stockStore().get(SKU);

        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE.plusSeconds(1)));
        harness.submit(submission("order-1", SKU, "user-1", 3, DURING_SALE.plusSeconds(2)));
        harness.submit(submission("order-1", "sku-2", "user-1", 1, DURING_SALE.plusSeconds(3)));

        assertThat(harness.stockStore().get(SKU)).isEqualTo(before);
        assertThat(harness.stockStore().get("sku-2").available()).isEqualTo(5);
        assertThat(harness.orderStore().get("order-1").skuId()).isEqualTo(SKU);
        assertThat(harness.routeStore().get("order-1").submissionEventId()).isEqualTo(first.getEventId());
        assertThat(harness.counter("repeated-submission-dropped-total")).isEqualTo(3.0);
        assertDrained();
    }

    @Test
    void resubmissionOfRejectedOrderIsNotDecidedAgain() {
        loadSale(SKU, 5, 1);
        harness.submit(submission("order-1", SKU, "user-1", 2, DURING_SALE));
        assertRejected("order-1", RejectionReason.LIMIT_EXCEEDED);

        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE));

        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(5);
        assertDrained();
    }

    private void loadSale(String skuId, long stock, int perUserLimit) {
        SetStock command = setStock(skuId, stock, perUserLimit);
        harness.send(command);
        StockChanged loaded = (StockChanged) harness.stockEvents.readValue();
        assertThat(loaded.getSkuId()).isEqualTo(skuId);
        assertThat(loaded.getAvailable()).isEqualTo(stock);
        assertThat(loaded.getCausationId()).isEqualTo(command.getEventId());
    }

    private void assertRejected(String orderId, RejectionReason reason) {
        TestRecord<String, SpecificRecord> outcome = harness.orderEvents.readRecord();
        assertThat(outcome.key()).isEqualTo(orderId);
        assertThat(outcome.value()).isInstanceOf(OrderRejected.class);
        assertThat(((OrderRejected) outcome.value()).getReason()).isEqualTo(reason);
        assertThat(harness.orderStore().get(orderId).status()).isEqualTo(OrderStatus.REJECTED);
    }

    private void assertDrained() {
        assertThat(harness.orderEvents.isEmpty()).as("order-events drained").isTrue();
        assertThat(harness.stockEvents.isEmpty()).as("stock-events drained").isTrue();
        assertThat(harness.deadLetter.isEmpty()).as("dead-letter empty").isTrue();
    }
}
