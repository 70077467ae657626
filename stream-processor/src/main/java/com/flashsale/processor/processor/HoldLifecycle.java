package com.flashsale.processor.processor;

import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payment, cancel and expiry of a decided order after its reservation. Only a RESERVED order
 * changes, and whichever of these the task processes first wins. A payment that
 * finds the order EXPIRED, CANCELLED, REJECTED or DEAD_LETTERED gets a PaymentRejected, so the
 * merchant refunds it, and the order stays as it is.
 */
final class HoldLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HoldLifecycle.class);

    private final SkuLedger ledger;
    private final StageOutput output;
    private final RecordCounter expiredHolds;
    private final RecordCounter rejectedPayments;
    private final RecordCounter ignoredCommands;
    private final RecordCounter foreignCancels;

    HoldLifecycle(SkuLedger ledger, StageOutput output, RecordCounter expiredHolds, RecordCounter rejectedPayments,
                  RecordCounter ignoredCommands, RecordCounter foreignCancels) {
        this.ledger = ledger;
        this.output = output;
        this.expiredHolds = expiredHolds;
        this.rejectedPayments = rejectedPayments;
        this.ignoredCommands = ignoredCommands;
        this.foreignCancels = foreignCancels;
    }

    /** Applies a payment to a decided order, at the time of the record that carried it. */
    void pay(OrderCommand payment, SkuOrder order, long occurredAtMillis) {
        Instant occurredAt = Instant.ofEpochMilli(occurredAtMillis);
        if (order.status() == OrderStatus.RESERVED) {
            SkuStock updated = ledger.confirm(payment.orderId(), order);
            emit(payment.orderId(), OutcomeEvents.confirmed(payment.orderId(), order, occurredAt, payment.eventId()),
                    occurredAtMillis);
            emitStockChanged(payment.orderId(), order, updated, occurredAt, payment.eventId());
        } else if (order.status() == OrderStatus.CONFIRMED) {
            ignore(payment, order);
        } else {
            rejectedPayments.increment();
            LOG.info("Rejected a payment of an order that can no longer be paid orderId={} status={} paymentId={}",
                    payment.orderId(), order.status(), payment.paymentId());
            emit(payment.orderId(), OutcomeEvents.paymentRejected(payment, order, occurredAt), occurredAtMillis);
        }
    }

    /**
     * Applies a cancel to a decided order, at the time of the record that carried it. The ingest
     * service cannot tell who owns an order, so a shopper's cancel of another user's order is
     * ignored here.
     */
    void cancel(OrderCommand cancel, SkuOrder order, long occurredAtMillis) {
        if (!cancel.requestedByMerchant() && !cancel.userId().equals(order.userId())) {
            foreignCancels.increment();
            LOG.warn("Ignored CancelOrder of another user's order orderId={} userId={} eventId={}",
                    cancel.orderId(), cancel.userId(), cancel.eventId());
            return;
        }
        if (order.status() != OrderStatus.RESERVED) {
            ignore(cancel, order);
            return;
        }
        Instant occurredAt = Instant.ofEpochMilli(occurredAtMillis);
        SkuStock updated = ledger.release(cancel.orderId(), order, OrderStatus.CANCELLED);
        emit(cancel.orderId(), OutcomeEvents.cancelled(cancel.orderId(), order, occurredAt, cancel.eventId()),
                occurredAtMillis);
        emitStockChanged(cancel.orderId(), order, updated, occurredAt, cancel.eventId());
    }

    /**
     * Expires every order whose hold ended at or before the punctuation's wall-clock timestamp and
     * that is still RESERVED. The deadlines live in a changelogged store, so after downtime the
     * restarted task expires each overdue hold once, on its first punctuation.
     */
    void expireDueHolds(long punctuationTimestamp) {
        Instant occurredAt = Instant.ofEpochMilli(punctuationTimestamp);
        for (String orderId : ledger.takeDueHolds(punctuationTimestamp)) {
            SkuOrder order = ledger.order(orderId);
            if (order == null || order.status() != OrderStatus.RESERVED) {
                continue;
            }
            SkuStock updated = ledger.release(orderId, order, OrderStatus.EXPIRED);
            expiredHolds.increment();
            LOG.debug("Expired orderId={} skuId={} userId={} quantity={}",
                    orderId, order.skuId(), order.userId(), order.quantity());
            emit(orderId, OutcomeEvents.expired(orderId, order, occurredAt), punctuationTimestamp);
            emitStockChanged(orderId, order, updated, occurredAt, order.reservationEventId());
        }
    }

    private void ignore(OrderCommand command, SkuOrder order) {
        ignoredCommands.increment();
        LOG.debug("Ignored {} of an order in status={} orderId={} eventId={}",
                command.type(), order.status(), command.orderId(), command.eventId());
    }

    private void emit(String orderId, SpecificRecord event, long timestamp) {
        output.emit(new Record<>(orderId, event, timestamp));
    }

    private void emitStockChanged(String orderId, SkuOrder order, SkuStock updated, Instant occurredAt,
                                  String causationId) {
        output.emit(new Record<>(order.skuId(),
                OutcomeEvents.stockChanged(order.skuId(), updated, orderId, order.userId(), occurredAt, causationId),
                occurredAt.toEpochMilli()));
    }
}
