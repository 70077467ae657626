package com.flashsale.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.events.StockChanged;
import com.flashsale.projection.audit.Violation.Kind;
import com.flashsale.projection.core.TestEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {

    private final TestEvents alice = new TestEvents("order-a", "sku-1", "alice", 2);
    private final TestEvents bob = new TestEvents("order-b", "sku-1", "bob", 1);

    private static InvariantChecker check(List<SpecificRecord> events) {
        InvariantChecker checker = new InvariantChecker();
        events.forEach(checker::accept);
        return checker;
    }

    private static StockChanged stock(long version, long stock, long available, long reserved, long sold) {
        return new StockChanged("sku-1/stock-" + version, null, "sku-1", null, TestEvents.at((int) version), null,
                version, stock, available, reserved, sold, 2, TestEvents.T0, TestEvents.T0.plusSeconds(3600));
    }

    private List<SpecificRecord> cleanLog() {
        return List.of(
                new SetStock("set-1", "sku-1", "merchant", TestEvents.T0, null, 10L, 2, TestEvents.T0,
                        TestEvents.T0.plusSeconds(60), null),
                TestEvents.stockChanged("sku-1", 1, 10, 0, 0),
                alice.submitted(1), alice.reserved(2), TestEvents.stockChanged("sku-1", 2, 8, 2, 0),
                alice.confirmed(3), TestEvents.stockChanged("sku-1", 3, 8, 0, 2),
                bob.submitted(4), bob.rejected(5, RejectionReason.SOLD_OUT));
    }

    @Test
    void cleanLogPasses() {
        InvariantChecker checker = check(cleanLog());

        assertThat(checker.violations()).isEmpty();
        assertThat(checker.warnings()).isEmpty();
        assertThat(checker.submittedOrders()).isEqualTo(2);
        assertThat(checker.openOrders()).isZero();
        assertThat(checker.eventCounts()).containsEntry("SetStock", 1L).containsEntry("StockChanged", 3L);
    }

    @Test
    void shuffledCleanLogPasses() {
        List<SpecificRecord> reversed = new ArrayList<>(cleanLog());
        Collections.reverse(reversed);

        assertThat(check(reversed).violations()).isEmpty();
    }

    @Test
    void unbalancedStockIsViolation() {
        InvariantChecker checker = check(List.of(stock(1, 10, 7, 2, 0)));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.STOCK_NOT_BALANCED);
        assertThat(checker.violations().get(0).skuIds()).containsExactly("sku-1");
    }

    @Test
    void negativeCountIsViolation() {
        InvariantChecker checker = check(List.of(stock(1, 10, -1, 11, 0)));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.NEGATIVE_STOCK, Kind.OVERSOLD);
    }

    @Test
    void oversoldIsViolation() {
        InvariantChecker checker = check(List.of(stock(1, 10, 0, 3, 8)));

        assertThat(checker.violations()).extracting(Violation::kind)
                .containsExactly(Kind.STOCK_NOT_BALANCED, Kind.OVERSOLD);
        assertThat(checker.violations().get(1).message()).contains("sold 8 + reserved 3 > stock 10");
    }

    @Test
    void userOverLimitIsViolation() {
        TestEvents second = new TestEvents("order-a2", "sku-1", "alice", 1);

        InvariantChecker checker = check(List.of(TestEvents.stockChanged("sku-1", 1, 10, 0, 0),
                alice.submitted(1), alice.reserved(2), alice.confirmed(3), second.submitted(4), second.reserved(5)));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.USER_LIMIT_EXCEEDED);
        Violation violation = checker.violations().get(0);
        assertThat(violation.orderIds()).containsExactlyInAnyOrder("order-a", "order-a2");
        assertThat(violation.skuIds()).containsExactly("sku-1");
        assertThat(violation.message()).contains("alice holds 3 units").contains("limit is 2");
    }

    @Test
    void expiredOrderHoldsNoUnits() {
        TestEvents second = new TestEvents("order-a2", "sku-1", "alice", 1);

        InvariantChecker checker = check(List.of(TestEvents.stockChanged("sku-1", 1, 10, 0, 0),
                alice.submitted(1), alice.reserved(2), alice.expired(3), second.submitted(4), second.reserved(5)));

        assertThat(checker.violations()).isEmpty();
    }

    @Test
    void secondTerminalEventIsViolation() {
        OrderConfirmed confirmedAgain = new OrderConfirmed("order-a/confirmed-again", "order-a", "sku-1", "alice",
                TestEvents.at(9), null, 2);

        InvariantChecker checker = check(List.of(alice.submitted(1), alice.reserved(2), alice.expired(3),
                confirmedAgain));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.MULTIPLE_TERMINAL_EVENTS);
        assertThat(checker.violations().get(0).orderIds()).containsExactly("order-a");
    }

    @Test
    void secondReservationIsViolation() {
        OrderReserved again = new OrderReserved("order-a/reserved-again", "order-a", "sku-1", "alice",
                TestEvents.at(3), null, 2, TestEvents.at(603));

        InvariantChecker checker = check(List.of(alice.submitted(1), alice.reserved(2), again));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.MULTIPLE_RESERVATIONS);
        assertThat(checker.violations().get(0).orderIds()).containsExactly("order-a");
    }

    @Test
    void redeliveredEventIsCountedOnce() {
        InvariantChecker checker = check(List.of(alice.submitted(1), alice.reserved(2), alice.reserved(2)));

        assertThat(checker.violations()).isEmpty();
        assertThat(checker.duplicateEvents()).isEqualTo(1);
    }

    @Test
    void outcomeOfUnsubmittedOrderIsViolation() {
        InvariantChecker checker = check(List.of(alice.reserved(2)));

        assertThat(checker.violations()).extracting(Violation::kind).containsExactly(Kind.EVENT_FOR_UNSUBMITTED_ORDER);
        assertThat(checker.violations().get(0).orderIds()).containsExactly("order-a");
    }

    @Test
    void commandForUnknownOrderIsWarning() {
        InvariantChecker checker = check(List.of(alice.retryScheduled(1, 1), alice.deadLettered(9),
                alice.paymentRejected(10)));

        assertThat(checker.violations()).isEmpty();
        assertThat(checker.warnings()).extracting(Violation::kind).containsExactly(Kind.COMMAND_FOR_UNKNOWN_ORDER);
        assertThat(checker.warnings().get(0).orderIds()).containsExactly("order-a");
    }

    @Test
    void reservedOrderWithoutOutcomeIsOpen() {
        InvariantChecker checker = check(List.of(alice.submitted(1), alice.reserved(2)));

        assertThat(checker.openOrders()).isEqualTo(1);
        assertThat(checker.violations()).isEmpty();
    }
}
