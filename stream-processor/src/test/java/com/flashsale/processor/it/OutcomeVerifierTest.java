package com.flashsale.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.StockChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The verifier accepts a correct sale and reports each kind of broken outcome, so the crash test can fail. */
class OutcomeVerifierTest {

    private static final Instant NOW = Instant.parse("2030-11-11T00:00:00Z");
    private static final String SKU = "sku-1";
    private static final String ORPHAN_EVENT = "payment-of-never-submitted";

    private final OutcomeVerifier verifier = new OutcomeVerifier(new OutcomeVerifier.Expected(
            Set.of("paid", "unpaid", "rejected"), Map.of(ORPHAN_EVENT, "never-submitted"), Map.of(SKU, 3L)));

    @Test
    void correctSaleHasNoViolations() {
        OutcomeVerifier.Observed sale = correctSale();

        assertThat(verifier.missing(sale)).isEmpty();
        assertThat(verifier.violations(sale)).isEmpty();
    }

    @Test
    void duplicateReservationIsReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.orderEvents().add(reserved("paid"));

        assertThat(verifier.violations(sale))
                .anyMatch(violation -> violation.equals("orderId=paid was reserved 2 times"))
                .anyMatch(violation -> violation.startsWith("orderId=paid has 2 decisions"));
    }

    @Test
    void twoTerminalEventsAreReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.orderEvents().add(expired("paid"));

        assertThat(verifier.violations(sale))
                .containsExactly("orderId=paid has 2 terminal events [OrderConfirmed, OrderExpired]");
    }

    @Test
    void unpaidReservationWithoutExpiryIsMissingAndReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.orderEvents().removeIf(event -> event instanceof OrderExpired);

        assertThat(verifier.missing(sale)).containsExactly("no terminal event for reserved orderId=unpaid");
        assertThat(verifier.violations(sale))
                .contains("orderId=unpaid was reserved, not paid or cancelled, and expired 0 times");
    }

    @Test
    void repeatedRetryAttemptIsReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.orderEvents().add(retry("never-submitted", ORPHAN_EVENT, 1));

        assertThat(verifier.violations(sale)).singleElement().asString().contains("have attempts [1, 1]");
    }

    @Test
    void deadLetterWithoutCopyIsMissingAndReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.deadLetters().clear();

        assertThat(verifier.missing(sale)).hasSize(1);
        assertThat(verifier.violations(sale)).hasSize(2)
                .allMatch(violation -> violation.contains("eventId=" + ORPHAN_EVENT));
    }

    @Test
    void stockThatDoesNotAddUpIsReported() {
        OutcomeVerifier.Observed sale = correctSale();

        sale.stockEvents().add(stockChanged(5, 0, 2, 2));

        assertThat(verifier.violations(sale))
                .contains("skuId=sku-1 version 5 holds and sold more than its stock (stock 3, available 0, reserved 2, sold 2)")
                .contains("skuId=sku-1 version 5 does not add up: available + reserved + sold != stock "
                        + "(stock 3, available 0, reserved 2, sold 2)");
    }

    /**
     * "paid" is reserved and confirmed, "unpaid" is reserved and expires, "rejected" is sold out,
     * and a payment for an order never submitted is retried once and dead-lettered.
     */
    private static OutcomeVerifier.Observed correctSale() {
        List<SpecificRecord> orderEvents = new ArrayList<>(List.of(
                reserved("paid"), reserved("unpaid"), confirmed("paid"), rejected("rejected"), expired("unpaid"),
                retry("never-submitted", ORPHAN_EVENT, 1), deadLettered("never-submitted", ORPHAN_EVENT)));
        List<StockChanged> stockEvents = new ArrayList<>(List.of(
                stockChanged(1, 3, 0, 0), stockChanged(2, 2, 1, 0), stockChanged(3, 1, 2, 0),
                stockChanged(4, 1, 1, 1), stockChanged(5, 2, 0, 1)));
        List<SpecificRecord> deadLetters = new ArrayList<>(List.of(ConfirmPayment.newBuilder()
                .setEventId(ORPHAN_EVENT).setOrderId("never-submitted").setSkuId("").setUserId("user-1")
                .setOccurredAt(NOW).setPaymentId("payment-1").build()));
        return new OutcomeVerifier.Observed(orderEvents, stockEvents, deadLetters);
    }

    private static OrderReserved reserved(String orderId) {
        return OrderReserved.newBuilder().setEventId("reserved-" + orderId).setOrderId(orderId).setSkuId(SKU)
                .setUserId("user-1").setOccurredAt(NOW).setQuantity(1).setExpiresAt(NOW.plusSeconds(5)).build();
    }

    private static OrderConfirmed confirmed(String orderId) {
        return OrderConfirmed.newBuilder().setEventId("confirmed-" + orderId).setOrderId(orderId).setSkuId(SKU)
                .setUserId("user-1").setOccurredAt(NOW).setQuantity(1).build();
    }

    private static OrderExpired expired(String orderId) {
        return OrderExpired.newBuilder().setEventId("expired-" + orderId).setOrderId(orderId).setSkuId(SKU)
                .setUserId("user-1").setOccurredAt(NOW).setQuantity(1).build();
    }

    private static OrderRejected rejected(String orderId) {
        return OrderRejected.newBuilder().setEventId("rejected-" + orderId).setOrderId(orderId).setSkuId(SKU)
                .setUserId("user-1").setOccurredAt(NOW).setQuantity(1).setReason(RejectionReason.SOLD_OUT).build();
    }

    private static OrderRetryScheduled retry(String orderId, String causationId, int attempt) {
        return OrderRetryScheduled.newBuilder().setEventId("retry-" + orderId + "-" + attempt).setOrderId(orderId)
                .setSkuId("").setUserId("user-1").setOccurredAt(NOW).setCausationId(causationId)
                .setAttempt(attempt).setRetryAt(NOW).setCommand("ConfirmPayment").build();
    }

    private static OrderDeadLettered deadLettered(String orderId, String causationId) {
        return OrderDeadLettered.newBuilder().setEventId("dead-" + orderId).setOrderId(orderId).setSkuId("")
                .setUserId("user-1").setOccurredAt(NOW).setCausationId(causationId).setAttempts(1)
                .setCommand("ConfirmPayment").setError("no order").build();
    }

    private static StockChanged stockChanged(long version, long available, long reserved, long sold) {
        return StockChanged.newBuilder().setEventId("stock-" + version).setSkuId(SKU).setOccurredAt(NOW)
                .setVersion(version).setStock(3).setAvailable(available).setReserved(reserved).setSold(sold)
                .setPerUserLimit(2).setSaleStart(NOW).setSaleEnd(NOW.plusSeconds(3600)).build();
    }
}
