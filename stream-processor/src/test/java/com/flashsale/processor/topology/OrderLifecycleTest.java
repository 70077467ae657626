package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.cancel;
import static com.flashsale.processor.topology.Events.payment;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payment, cancel and expiry of a reservation, and which of them wins when they race. */
class OrderLifecycleTest {

    private static final String SKU = "sku-1";
    private static final String USER = "user-1";
    private static final Duration HOLD = Duration.ofSeconds(20);

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults().withHoldDuration(HOLD));
        harness.send(setStock(SKU, 10, 3));
        harness.stockEvents.readValue();
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void paymentConfirmsReservedOrder() {
        OrderReserved reserved = reserve("order-1", 2);
        ConfirmPayment payment = payment("order-1", USER, DURING_SALE.plusSeconds(5));

        harness.send(payment);

        TestRecord<String, SpecificRecord> record = harness.orderEvents.readRecord();
        assertThat(record.key()).isEqualTo("order-1");
        OrderConfirmed confirmed = (OrderConfirmed) record.value();
        assertThat(confirmed.getSkuId()).isEqualTo(SKU);
        assertThat(confirmed.getUserId()).isEqualTo(USER);
        assertThat(confirmed.getQuantity()).isEqualTo(2);
        assertThat(confirmed.getCausationId()).isEqualTo(payment.getEventId());
        assertThat(confirmed.getOccurredAt()).isEqualTo(payment.getOccurredAt());
        assertThat(confirmed.getEventId()).isNotEqualTo(reserved.getEventId());
        StockChanged stock = (StockChanged) harness.stockEvents.readValue();
        assertThat(stock.getAvailable()).isEqualTo(8);
        assertThat(stock.getReserved()).isZero();
        assertThat(stock.getSold()).isEqualTo(2);
        assertThat(stock.getCausationId()).isEqualTo(payment.getEventId());
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(harness.holdStore().get(new HoldKey(SKU, USER))).isEqualTo(2L);
        assertThat(TopologyHarness.entryCount(harness.holdExpiryStore())).isZero();
        assertDrained();
    }

    @Test
    void cancelReleasesReservedUnits() {
        reserve("order-1", 2);
        CancelOrder cancel = cancel("order-1", USER, DURING_SALE.plusSeconds(5));

        harness.send(cancel);

        OrderCancelled cancelled = (OrderCancelled) harness.orderEvents.readValue();
        assertThat(cancelled.getOrderId()).isEqualTo("order-1");
        assertThat(cancelled.getQuantity()).isEqualTo(2);
        assertThat(cancelled.getCausationId()).isEqualTo(cancel.getEventId());
        StockChanged stock = (StockChanged) harness.stockEvents.readValue();
        assertThat(stock.getAvailable()).isEqualTo(10);
        assertThat(stock.getReserved()).isZero();
        assertThat(stock.getSold()).isZero();
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(harness.holdStore().get(new HoldKey(SKU, USER))).isNull();
        assertThat(TopologyHarness.entryCount(harness.holdExpiryStore())).isZero();
        assertDrained();
    }

    @Test
    void merchantMayCancelAnyOrder() {
        reserve("order-1", 2);

        harness.send(Events.merchantCancel("order-1", DURING_SALE.plusSeconds(5)));

        OrderCancelled cancelled = (OrderCancelled) harness.orderEvents.readValue();
        assertThat(cancelled.getUserId()).isEqualTo(USER);
        assertThat(((StockChanged) harness.stockEvents.readValue()).getAvailable()).isEqualTo(10);
        assertDrained();
    }

    @Test
    void cancelByAnotherShopperIsIgnored() {
        reserve("order-1", 2);

        harness.send(cancel("order-1", "user-2", DURING_SALE.plusSeconds(5)));

        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(harness.stockStore().get(SKU).reserved()).isEqualTo(2);
        assertThat(harness.counter("foreign-cancel-ignored-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void unpaidHoldExpiresAtItsDeadline() {
        OrderReserved reserved = reserve("order-1", 2);
        assertThat(reserved.getExpiresAt()).isEqualTo(DURING_SALE.plus(HOLD));

        harness.advance(HOLD.minusSeconds(1));
        assertDrained();
        harness.advance(Duration.ofSeconds(1));

        TestRecord<String, SpecificRecord> record = harness.orderEvents.readRecord();
        assertThat(record.key()).isEqualTo("order-1");
        OrderExpired expired = (OrderExpired) record.value();
        assertThat(expired.getQuantity()).isEqualTo(2);
        assertThat(expired.getCausationId()).isEqualTo(reserved.getEventId());
        assertThat(expired.getOccurredAt()).isEqualTo(DURING_SALE.plus(HOLD));
        StockChanged stock = (StockChanged) harness.stockEvents.readValue();
        assertThat(stock.getAvailable()).isEqualTo(10);
        assertThat(stock.getReserved()).isZero();
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(harness.holdStore().get(new HoldKey(SKU, USER))).isNull();
        assertThat(harness.counter("hold-expired-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void paymentAfterExpiryIsRejected() {
        reserve("order-1", 2);
        harness.advance(HOLD);
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderExpired.class);
        harness.stockEvents.readValue();
        ConfirmPayment payment = payment("order-1", USER, DURING_SALE.plus(HOLD).plusSeconds(1));

        harness.send(payment);

        PaymentRejected rejected = (PaymentRejected) harness.orderEvents.readValue();
        assertThat(rejected.getOrderId()).isEqualTo("order-1");
        assertThat(rejected.getOrderStatus()).isEqualTo("EXPIRED");
        assertThat(rejected.getPaymentId()).isEqualTo(payment.getPaymentId());
        assertThat(rejected.getCausationId()).isEqualTo(payment.getEventId());
        assertThat(rejected.getSkuId()).isEqualTo(SKU);
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(harness.stockStore().get(SKU).sold()).isZero();
        assertThat(harness.counter("payment-rejected-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void paymentAfterDeadlineButBeforeExpiryRunsWins() {
        reserve("order-1", 2);

        harness.send(payment("order-1", USER, DURING_SALE.plus(HOLD).plusSeconds(1)));
        harness.advance(HOLD.plusSeconds(5));

        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderConfirmed.class);
        assertThat(((StockChanged) harness.stockEvents.readValue()).getSold()).isEqualTo(2);
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(harness.counter("hold-expired-total")).isZero();
        assertDrained();
    }

    @Test
    void paymentAfterCancelIsRejected() {
        reserve("order-1", 1);
        harness.send(cancel("order-1", USER, DURING_SALE.plusSeconds(1)));
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderCancelled.class);
        harness.stockEvents.readValue();

        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(2)));

        PaymentRejected rejected = (PaymentRejected) harness.orderEvents.readValue();
        assertThat(rejected.getOrderStatus()).isEqualTo("CANCELLED");
        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(10);
        assertDrained();
    }

    @Test
    void paymentOfRejectedOrderIsRejected() {
        harness.submit(submission("order-1", SKU, USER, 4, DURING_SALE));
        assertThat(((OrderRejected) harness.orderEvents.readValue()).getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);

        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(1)));

        assertThat(((PaymentRejected) harness.orderEvents.readValue()).getOrderStatus()).isEqualTo("REJECTED");
        assertDrained();
    }

    @Test
    void secondPaymentAndLateCancelChangeNothing() {
        reserve("order-1", 2);
        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(1)));
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderConfirmed.class);
        harness.stockEvents.readValue();

        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(2)));
        harness.send(cancel("order-1", USER, DURING_SALE.plusSeconds(3)));
        harness.advance(HOLD.plusSeconds(1));

        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(harness.stockStore().get(SKU).sold()).isEqualTo(2);
        assertThat(harness.counter("order-command-ignored-total")).isEqualTo(2.0);
        assertDrained();
    }

    @Test
    void secondCancelChangesNothing() {
        reserve("order-1", 2);
        harness.send(cancel("order-1", USER, DURING_SALE.plusSeconds(1)));
        harness.orderEvents.readValue();
        harness.stockEvents.readValue();

        harness.send(cancel("order-1", USER, DURING_SALE.plusSeconds(2)));

        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(10);
        assertThat(harness.counter("order-command-ignored-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void userLimitCountsConfirmedUnits() {
        reserve("order-1", 2);
        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(1)));
        harness.orderEvents.readValue();
        harness.stockEvents.readValue();

        harness.submit(submission("order-2", SKU, USER, 2, DURING_SALE.plusSeconds(2)));

        assertThat(((OrderRejected) harness.orderEvents.readValue()).getReason()).isEqualTo(RejectionReason.LIMIT_EXCEEDED);
        assertDrained();
    }

    @Test
    void userLimitGetsExpiredUnitsBack() {
        reserve("order-1", 3);
        harness.advance(HOLD);
        harness.orderEvents.readValue();
        harness.stockEvents.readValue();

        reserve("order-2", 3);

        assertThat(harness.holdStore().get(new HoldKey(SKU, USER))).isEqualTo(3L);
        assertDrained();
    }

    @Test
    void userLimitGetsCancelledUnitsBack() {
        reserve("order-1", 3);
        harness.send(cancel("order-1", USER, DURING_SALE.plusSeconds(1)));
        harness.orderEvents.readValue();
        harness.stockEvents.readValue();

        reserve("order-2", 3);

        assertThat(harness.holdStore().get(new HoldKey(SKU, USER))).isEqualTo(3L);
        assertDrained();
    }

    /** Submits an order of USER at DURING_SALE and checks that it was reserved. */
    private OrderReserved reserve(String orderId, int quantity) {
        OrderSubmitted submission = submission(orderId, SKU, USER, quantity, DURING_SALE);
        harness.submit(submission);
        SpecificRecord outcome = harness.orderEvents.readValue();
        assertThat(outcome).as("outcome of %s", orderId).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);
        return (OrderReserved) outcome;
    }

    private void assertDrained() {
        assertThat(harness.orderEvents.isEmpty()).as("order-events drained").isTrue();
        assertThat(harness.stockEvents.isEmpty()).as("stock-events drained").isTrue();
        assertThat(harness.deadLetter.isEmpty()).as("dead-letter empty").isTrue();
    }
}
