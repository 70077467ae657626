package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.cancel;
import static com.flashsale.processor.topology.Events.payment;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.processor.RetriesExhaustedException;
import com.flashsale.processor.serde.StateSerdes;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.topics.DeadLetterHeaders;
import com.flashsale.processor.topics.RepartitionTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions whose SKU has no stock yet and commands whose order is not known yet are retried
 * after 2 s, 4 s and 8 s of wall-clock time, then dead-lettered.
 */
class RetryTest {

    private static final String SKU = "sku-1";
    private static final String USER = "user-1";

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults());
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void submissionIsReservedOnceStockArrives() {
        OrderSubmitted order = submission("order-1", SKU, USER, 2, DURING_SALE);
        harness.submit(order);
        assertRetry(harness.orderEvents.readRecord(), "order-1", 1, "OrderSubmitted", DURING_SALE.plusSeconds(2));
        harness.advance(Duration.ofSeconds(2));
        assertRetry(harness.orderEvents.readRecord(), "order-1", 2, "OrderSubmitted", DURING_SALE.plusSeconds(6));

        harness.send(setStock(SKU, 5, 5));
        harness.stockEvents.readValue();
        harness.advance(Duration.ofSeconds(4));

        TestRecord<String, SpecificRecord> outcome = harness.orderEvents.readRecord();
        assertThat(outcome.key()).isEqualTo("order-1");
        OrderReserved reserved = (OrderReserved) outcome.value();
        assertThat(reserved.getCausationId()).isEqualTo(order.getEventId());
        assertThat(reserved.getOccurredAt()).isEqualTo(DURING_SALE.plusSeconds(6));
        assertThat(((StockChanged) harness.stockEvents.readValue()).getReserved()).isEqualTo(2);
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.RESERVED);
        assertThat(TopologyHarness.entryCount(harness.reserveRetryStore())).isZero();
        assertDrained();
    }

    @Test
    void submissionIsDeadLetteredAfterLastRetry() {
        OrderSubmitted order = submission("order-1", SKU, USER, 2, DURING_SALE);

        harness.submit(order);
        harness.advanceBySeconds(14);

        List<TestRecord<String, SpecificRecord>> events = harness.orderEvents.readRecordsToList();
        assertThat(events).hasSize(4);
        assertRetry(events.get(0), "order-1", 1, "OrderSubmitted", DURING_SALE.plusSeconds(2));
        assertRetry(events.get(1), "order-1", 2, "OrderSubmitted", DURING_SALE.plusSeconds(6));
        assertRetry(events.get(2), "order-1", 3, "OrderSubmitted", DURING_SALE.plusSeconds(14));
        assertThat(events.get(3).key()).isEqualTo("order-1");
        OrderDeadLettered deadLettered = (OrderDeadLettered) events.get(3).value();
        assertThat(deadLettered.getAttempts()).isEqualTo(3);
        assertThat(deadLettered.getCommand()).isEqualTo("OrderSubmitted");
        assertThat(deadLettered.getSkuId()).isEqualTo(SKU);
        assertThat(deadLettered.getUserId()).isEqualTo(USER);
        assertThat(deadLettered.getCausationId()).isEqualTo(order.getEventId());
        assertThat(deadLettered.getError()).contains("skuId=" + SKU);
        assertThat(deadLettered.getOccurredAt()).isEqualTo(DURING_SALE.plusSeconds(14));

        TestRecord<byte[], byte[]> copy = harness.deadLetter.readRecord();
        assertThat(new String(copy.key(), StandardCharsets.UTF_8)).isEqualTo(SKU);
        assertThat(StateSerdes.EVENT.deserializer().deserialize("any", copy.value())).isEqualTo(order);
        assertThat(headerText(copy, DeadLetterHeaders.TOPIC)).endsWith(RepartitionTopics.SUBMISSIONS_BY_SKU + "-repartition");
        assertThat(Integer.parseInt(headerText(copy, DeadLetterHeaders.PARTITION))).isNotNegative();
        assertThat(Long.parseLong(headerText(copy, DeadLetterHeaders.OFFSET))).isNotNegative();
        assertThat(headerText(copy, DeadLetterHeaders.EXCEPTION)).isEqualTo(RetriesExhaustedException.class.getName());
        assertThat(headerText(copy, DeadLetterHeaders.MESSAGE)).contains("OrderSubmitted", "3 retries", "skuId=" + SKU);
        assertThat(headerText(copy, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(headerText(copy, DeadLetterHeaders.TIME)).isEqualTo(DURING_SALE.plusSeconds(14).toString());

        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.DEAD_LETTERED);
        assertThat(harness.counter("retry-scheduled-total")).isEqualTo(3.0);
        assertThat(harness.counter("dead-lettered-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void deadLetteredOrderStaysDeadAndRejectsPayment() {
        harness.submit(submission("order-1", SKU, USER, 2, DURING_SALE));
        harness.advanceBySeconds(14);
        harness.orderEvents.readValuesToList();
        harness.deadLetter.readRecord();
        harness.send(setStock(SKU, 5, 5));
        harness.stockEvents.readValue();

        harness.submit(submission("order-1", SKU, USER, 2, DURING_SALE.plusSeconds(20)));
        harness.send(payment("order-1", USER, DURING_SALE.plusSeconds(21)));

        assertThat(((PaymentRejected) harness.orderEvents.readValue()).getOrderStatus()).isEqualTo("DEAD_LETTERED");
        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(5);
        assertDrained();
    }

    @Test
    void paymentBeforeItsSubmissionSucceedsOnRetry() {
        harness.send(setStock(SKU, 5, 5));
        harness.stockEvents.readValue();
        ConfirmPayment payment = payment("order-1", USER, DURING_SALE);

        harness.send(payment);

        TestRecord<String, SpecificRecord> retry = harness.orderEvents.readRecord();
        assertRetry(retry, "order-1", 1, "ConfirmPayment", DURING_SALE.plusSeconds(2));
        assertThat(((OrderRetryScheduled) retry.value()).getSkuId()).isEmpty();
        assertThat(((OrderRetryScheduled) retry.value()).getCausationId()).isEqualTo(payment.getEventId());
        assertThat(TopologyHarness.entryCount(harness.routeRetryStore())).isEqualTo(1);

        harness.submit(submission("order-1", SKU, USER, 2, DURING_SALE.plusSeconds(1)));
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        harness.stockEvents.readValue();
        harness.advance(Duration.ofSeconds(2));

        OrderConfirmed confirmed = (OrderConfirmed) harness.orderEvents.readValue();
        assertThat(confirmed.getCausationId()).isEqualTo(payment.getEventId());
        assertThat(confirmed.getOccurredAt()).isEqualTo(DURING_SALE.plusSeconds(2));
        assertThat(((StockChanged) harness.stockEvents.readValue()).getSold()).isEqualTo(2);
        assertThat(TopologyHarness.entryCount(harness.routeRetryStore())).isZero();
        assertDrained();
    }

    @Test
    void unknownOrderCommandIsDeadLettered() {
        ConfirmPayment payment = payment("order-9", USER, DURING_SALE);

        harness.send(payment);
        harness.advanceBySeconds(14);

        List<SpecificRecord> events = harness.orderEvents.readValuesToList();
        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3)).allMatch(OrderRetryScheduled.class::isInstance);
        OrderDeadLettered deadLettered = (OrderDeadLettered) events.get(3);
        assertThat(deadLettered.getCommand()).isEqualTo("ConfirmPayment");
        assertThat(deadLettered.getSkuId()).isEmpty();
        assertThat(deadLettered.getUserId()).isEqualTo(USER);
        TestRecord<byte[], byte[]> copy = harness.deadLetter.readRecord();
        assertThat(new String(copy.key(), StandardCharsets.UTF_8)).isEqualTo("order-9");
        assertThat(StateSerdes.EVENT.deserializer().deserialize("any", copy.value())).isEqualTo(payment);
        assertThat(headerText(copy, DeadLetterHeaders.TOPIC)).isEqualTo(TopologyHarness.TOPICS.orderCommands());
        assertThat(headerText(copy, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertDrained();
    }

    @Test
    void commandForRetryingOrderWaitsForTheDecision() {
        harness.submit(submission("order-1", SKU, USER, 2, DURING_SALE));
        assertRetry(harness.orderEvents.readRecord(), "order-1", 1, "OrderSubmitted", DURING_SALE.plusSeconds(2));

        harness.send(cancel("order-1", USER, DURING_SALE.plusMillis(500)));
        assertRetry(harness.orderEvents.readRecord(), "order-1", 1, "CancelOrder", DURING_SALE.plusSeconds(2));
        harness.send(setStock(SKU, 5, 5));
        harness.stockEvents.readValue();
        harness.advance(Duration.ofSeconds(2));

        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderCancelled.class);
        harness.stockEvents.readValuesToList();
        assertThat(harness.stockStore().get(SKU).available()).isEqualTo(5);
        assertThat(harness.orderStore().get("order-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertDrained();
    }

    private static void assertRetry(TestRecord<String, SpecificRecord> record, String orderId, int attempt,
                                    String command, Instant retryAt) {
        assertThat(record.key()).isEqualTo(orderId);
        OrderRetryScheduled retry = (OrderRetryScheduled) record.value();
        assertThat(retry.getOrderId()).isEqualTo(orderId);
        assertThat(retry.getAttempt()).as("attempt").isEqualTo(attempt);
        assertThat(retry.getCommand()).isEqualTo(command);
        assertThat(retry.getRetryAt()).as("retryAt").isEqualTo(retryAt);
    }

    private static String headerText(TestRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("header %s", key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private void assertDrained() {
        assertThat(harness.orderEvents.isEmpty()).as("order-events drained").isTrue();
        assertThat(harness.stockEvents.isEmpty()).as("stock-events drained").isTrue();
        assertThat(harness.deadLetter.isEmpty()).as("dead-letter empty").isTrue();
    }
}
