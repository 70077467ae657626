package com.flashsale.projection.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.projection.core.EventApplier.Outcome;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.OrderHistoryRow;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.db.SkuRow;
import com.flashsale.projection.db.TestDatabase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Effects of each event on the read model. Subclasses run the same tests on H2 and PostgreSQL,
 * because the upserts must behave alike on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventApplierContract {

    private static final String ORDER = "order-1";
    private static final String SKU = "sku-1";
    private static final String USER = "user-1";

    private final TestEvents events = new TestEvents(ORDER, SKU, USER, 2);
    private TestDatabase database;
    private EventApplier applier;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void openAndMigrate() {
        database = openDatabase();
        applier = new EventApplier(database.jdbi(), Clock.fixed(TestEvents.T0, ZoneOffset.UTC));
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        database.truncate();
    }

    private OrderRow order(String orderId) {
        return database.jdbi().onDemand(OrderDao.class).findById(orderId).orElseThrow();
    }

    private OrderRow order() {
        return order(ORDER);
    }

    private List<OrderHistoryRow> history() {
        return database.jdbi().onDemand(OrderHistoryDao.class).findByOrderId(ORDER);
    }

    @Test
    void submittedCreatesSubmittedOrder() {
        Outcome outcome = applier.apply(events.submitted(1));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        OrderRow row = order();
        assertThat(row.status()).isEqualTo("SUBMITTED");
        assertThat(row.userId()).isEqualTo(USER);
        assertThat(row.skuId()).isEqualTo(SKU);
        assertThat(row.quantity()).isEqualTo(2);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.submittedAt()).isEqualTo(TestEvents.at(1));
        assertThat(row.updatedAt()).isEqualTo(TestEvents.at(1));
        assertThat(row.expiresAt()).isNull();
        assertThat(row.reason()).isNull();
        assertThat(row.clientRequestId()).isEqualTo("client-" + ORDER);
    }

    @Test
    void retryScheduledMarksOrderRetrying() {
        applier.apply(events.submitted(1));

        applier.apply(events.retryScheduled(2, 1));

        assertThat(order().status()).isEqualTo("RETRYING");
        assertThat(order().version()).isEqualTo(2);
    }

    @Test
    void submissionKeepsRequestIdInHistory() {
        OrderSubmitted submitted = events.submitted(1);
        submitted.setRequestId("req-🎉-1");

        applier.apply(submitted);

        List<OrderHistoryRow> history = database.jdbi().onDemand(OrderHistoryDao.class).findByOrderId(ORDER);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).requestId()).isEqualTo("req-🎉-1");
    }

    @Test
    void retriedPaymentLeavesStatusAlone() {
        applier.apply(events.submitted(1));
        applier.apply(events.reserved(2));
        OrderRetryScheduled retry = events.retryScheduled(3, 1);
        retry.setCommand("ConfirmPayment");

        applier.apply(retry);

        assertThat(order().status()).isEqualTo("RESERVED");
        assertThat(order().version()).isEqualTo(3);
    }

    @Test
    void deadLetteredCommandForUnknownOrderCreatesNoOrder() {
        OrderDeadLettered deadLetter = events.deadLettered(3);
        deadLetter.setCommand("CancelOrder");
        deadLetter.setSkuId("");

        applier.apply(deadLetter);

        assertThat(database.jdbi().onDemand(OrderDao.class).findById(ORDER)).isEmpty();
    }

    @Test
    void reservedSetsStatusAndHoldEnd() {
        applier.apply(events.submitted(1));

        applier.apply(events.reserved(2));

        OrderRow row = order();
        assertThat(row.status()).isEqualTo("RESERVED");
        assertThat(row.expiresAt()).isEqualTo(TestEvents.at(602));
        assertThat(row.updatedAt()).isEqualTo(TestEvents.at(2));
        assertThat(row.submittedAt()).isEqualTo(TestEvents.at(1));
    }

    @Test
    void rejectedStoresReason() {
        applier.apply(events.submitted(1));

        applier.apply(events.rejected(2, RejectionReason.SOLD_OUT));

        assertThat(order().status()).isEqualTo("REJECTED");
        assertThat(order().reason()).isEqualTo("SOLD_OUT");
        assertThat(history()).extracting(OrderHistoryRow::reason).containsExactly(null, "SOLD_OUT");
    }

    @Test
    void terminalEventsSetTheirStatus() {
        List<TestEvents> orders = List.of(new TestEvents("o-confirmed", SKU, USER, 1),
                new TestEvents("o-expired", SKU, USER, 1), new TestEvents("o-cancelled", SKU, USER, 1),
                new TestEvents("o-dead", SKU, USER, 1));

        applier.apply(orders.get(0).confirmed(3));
        applier.apply(orders.get(1).expired(3));
        applier.apply(orders.get(2).cancelled(3));
        applier.apply(orders.get(3).deadLettered(3));

        assertThat(order("o-confirmed").status()).isEqualTo("CONFIRMED");
        assertThat(order("o-expired").status()).isEqualTo("EXPIRED");
        assertThat(order("o-cancelled").status()).isEqualTo("CANCELLED");
        assertThat(order("o-dead").status()).isEqualTo("DEAD_LETTERED");
        assertThat(order("o-dead").quantity()).isNull();
    }

    @Test
    void paymentRejectedAddsHistoryAndVersionOnly() {
        applier.apply(events.submitted(1));
        applier.apply(events.reserved(2));
        applier.apply(events.expired(3));

        Outcome outcome = applier.apply(events.paymentRejected(4));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(order().status()).isEqualTo("EXPIRED");
        assertThat(order().version()).isEqualTo(4);
        assertThat(order().updatedAt()).isEqualTo(TestEvents.at(3));
        assertThat(history()).extracting(OrderHistoryRow::eventType)
                .containsExactly("OrderSubmitted", "OrderReserved", "OrderExpired", "PaymentRejected");
    }

    @Test
    void everyOrderEventAddsOneHistoryRow() {
        applier.apply(events.submitted(1));
        applier.apply(events.retryScheduled(2, 1));

        applier.apply(events.reserved(3));

        OrderHistoryRow reserved = history().get(2);
        assertThat(history()).hasSize(3);
        assertThat(reserved.eventId()).isEqualTo(ORDER + "/reserved");
        assertThat(reserved.eventType()).isEqualTo("OrderReserved");
        assertThat(reserved.occurredAt()).isEqualTo(TestEvents.at(3));
        assertThat(reserved.causationId()).isEqualTo(ORDER + "/submitted");
    }

    @Test
    void duplicateEventChangesNothing() {
        applier.apply(events.submitted(1));
        applier.apply(events.reserved(2));

        Outcome outcome = applier.apply(events.reserved(2));

        assertThat(outcome).isEqualTo(Outcome.DUPLICATE);
        assertThat(order().version()).isEqualTo(2);
        assertThat(history()).hasSize(2);
    }

    @Test
    void olderEventDoesNotMoveStatusBack() {
        applier.apply(events.submitted(1));
        applier.apply(events.reserved(2));
        applier.apply(events.confirmed(3));

        applier.apply(events.retryScheduled(1, 1));

        assertThat(order().status()).isEqualTo("CONFIRMED");
        assertThat(order().version()).isEqualTo(4);
        assertThat(order().updatedAt()).isEqualTo(TestEvents.at(3));
    }

    @Test
    void reservationBeforeSubmissionCreatesOrder() {
        applier.apply(events.reserved(2));

        applier.apply(events.submitted(1));

        OrderRow row = order();
        assertThat(row.status()).isEqualTo("RESERVED");
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.submittedAt()).isEqualTo(TestEvents.at(1));
        assertThat(row.updatedAt()).isEqualTo(TestEvents.at(2));
        assertThat(row.clientRequestId()).isEqualTo("client-" + ORDER);
    }

    @Test
    void versionCountsEventsAppliedBeforeOrderRow() {
        applier.apply(events.paymentRejected(4));

        applier.apply(events.reserved(2));

        assertThat(order().version()).isEqualTo(2);
    }

    @Test
    void userOrdersPageNewestFirstWithStatusFilter() {
        OrderDao orders = database.jdbi().onDemand(OrderDao.class);
        for (int i = 1; i <= 5; i++) {
            applier.apply(new TestEvents("order-" + i, SKU, USER, 1).submitted(i));
        }
        applier.apply(new TestEvents("order-3b", SKU, USER, 1).submitted(3));
        applier.apply(new TestEvents("order-🐼", SKU, USER, 1).submitted(6));
        applier.apply(new TestEvents("other-user-order", SKU, "user-2", 1).submitted(9));
        applier.apply(new TestEvents("order-2", SKU, USER, 1).reserved(10));

        List<OrderRow> first = orders.findFirstPageByUser(USER, null, 3);
        OrderRow end = first.get(2);
        List<OrderRow> second = orders.findPageByUserAfter(USER, null, end.submittedAt(), end.orderId(), 3);
        end = second.get(2);
        List<OrderRow> third = orders.findPageByUserAfter(USER, null, end.submittedAt(), end.orderId(), 3);
        List<OrderRow> reserved = orders.findFirstPageByUser(USER, "RESERVED", 10);

        assertThat(first).extracting(OrderRow::orderId).containsExactly("order-🐼", "order-5", "order-4");
        assertThat(second).extracting(OrderRow::orderId).containsExactly("order-3b", "order-3", "order-2");
        assertThat(third).extracting(OrderRow::orderId).containsExactly("order-1");
        assertThat(reserved).extracting(OrderRow::orderId).containsExactly("order-2");
    }

    @Test
    void stockChangedStoresNewerVersionOnly() {
        SkuDao skus = database.jdbi().onDemand(SkuDao.class);
        applier.apply(TestEvents.stockChanged(SKU, 1, 10, 0, 0));
        applier.apply(TestEvents.stockChanged(SKU, 3, 7, 2, 1));

        applier.apply(TestEvents.stockChanged(SKU, 2, 8, 2, 0));

        SkuRow row = skus.findById(SKU).orElseThrow();
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.available()).isEqualTo(7);
        assertThat(row.reserved()).isEqualTo(2);
        assertThat(row.sold()).isEqualTo(1);
        assertThat(row.stock()).isEqualTo(10);
        assertThat(row.perUserLimit()).isEqualTo(2);
        assertThat(row.saleEnd()).isEqualTo(TestEvents.T0.plusSeconds(3600));
    }

    @Test
    void unknownIdsAreEmpty() {
        assertThat(database.jdbi().onDemand(OrderDao.class).findById("missing")).isEmpty();
        assertThat(database.jdbi().onDemand(SkuDao.class).findById("missing")).isEmpty();
    }

    @Test
    void emojiIdsRoundTrip() {
        String orderId = "订单-🛒🔥-" + "😀".repeat(100);
        String skuId = "商品-👟";
        String userId = "用户-🐼";
        TestEvents emoji = new TestEvents(orderId, skuId, userId, 1);

        applier.apply(emoji.submitted(1));
        applier.apply(TestEvents.stockChanged(skuId, 1, 5, 0, 0));

        OrderRow row = order(orderId);
        assertThat(row.orderId()).isEqualTo(orderId);
        assertThat(row.skuId()).isEqualTo(skuId);
        assertThat(row.userId()).isEqualTo(userId);
        assertThat(database.jdbi().onDemand(SkuDao.class).findById(skuId)).isPresent();
    }

    @Test
    void overlongIdIsInvalid() {
        TestEvents tooLong = new TestEvents("x".repeat(129), SKU, USER, 1);

        assertThatThrownBy(() -> applier.apply(tooLong.submitted(1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("1 to 128 characters");
    }

    @Test
    void commandIsNotProjected() {
        SetStock command = new SetStock("set-1", SKU, "merchant", TestEvents.T0, null, 10L, 2, TestEvents.T0,
                TestEvents.T0.plusSeconds(60), null);

        assertThat(applier.apply(command)).isEqualTo(Outcome.NOT_PROJECTED);
    }

    @Test
    void batchNotifiesEachOrderOnce() {
        List<String> notified = new ArrayList<>();
        EventApplier notifying = new EventApplier(database.jdbi(), Clock.fixed(TestEvents.T0, ZoneOffset.UTC),
                notified::add);
        List<ViewChange> batch = List.of(notifying.prepare(events.submitted(1)).orElseThrow(),
                notifying.prepare(events.reserved(2)).orElseThrow());

        notifying.applyAll(batch);

        assertThat(notified).containsExactly(ORDER);
    }
}
