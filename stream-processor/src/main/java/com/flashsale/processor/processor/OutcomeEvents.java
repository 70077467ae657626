package com.flashsale.processor.processor;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the events the reserve-stock stage writes. Each gets a fresh random eventId and, as
 * causationId, the eventId of the record that caused it. An expiry names the OrderReserved of the
 * hold as its cause. Its occurredAt is passed in by the caller. For an event caused by an input
 * record it is that record's timestamp, not the wall clock, so the time does not depend on when
 * the processor ran. For an event of a wall-clock punctuation (an expiry, a retried record) it is
 * the punctuation's timestamp. Order events carry the order's owner as userId, also when a
 * merchant sent the command.
 */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    static OrderReserved reserved(OrderSubmitted submission, Instant occurredAt, Instant expiresAt) {
        return OrderReserved.newBuilder()
                .setEventId(newEventId())
                .setOrderId(submission.getOrderId())
                .setSkuId(submission.getSkuId())
                .setUserId(submission.getUserId())
                .setOccurredAt(occurredAt)
                .setCausationId(submission.getEventId())
                .setQuantity(submission.getQuantity())
                .setExpiresAt(expiresAt)
                .build();
    }

    static OrderRejected rejected(OrderSubmitted submission, Instant occurredAt, RejectionReason reason) {
        return OrderRejected.newBuilder()
                .setEventId(newEventId())
                .setOrderId(submission.getOrderId())
                .setSkuId(submission.getSkuId())
                .setUserId(submission.getUserId())
                .setOccurredAt(occurredAt)
                .setCausationId(submission.getEventId())
                .setQuantity(submission.getQuantity())
                .setReason(reason)
                .build();
    }

    static OrderConfirmed confirmed(String orderId, SkuOrder order, Instant occurredAt, String causationId) {
        return OrderConfirmed.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId(order.skuId())
                .setUserId(order.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(causationId)
                .setQuantity(order.quantity())
                .build();
    }

    static OrderCancelled cancelled(String orderId, SkuOrder order, Instant occurredAt, String causationId) {
        return OrderCancelled.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId(order.skuId())
                .setUserId(order.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(causationId)
                .setQuantity(order.quantity())
                .build();
    }

    static OrderExpired expired(String orderId, SkuOrder order, Instant occurredAt) {
        return OrderExpired.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId(order.skuId())
                .setUserId(order.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(order.reservationEventId())
                .setQuantity(order.quantity())
                .build();
    }

    static PaymentRejected paymentRejected(OrderCommand payment, SkuOrder order, Instant occurredAt) {
        return PaymentRejected.newBuilder()
                .setEventId(newEventId())
                .setOrderId(payment.orderId())
                .setSkuId(order.skuId())
                .setUserId(order.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(payment.eventId())
                .setOrderStatus(order.status().name())
                .setPaymentId(payment.paymentId())
                .build();
    }

    /**
     * Builds the StockChanged for a SKU's new state.
     *
     * @param orderId order whose decision changed the stock, or null for a stock command
     */
    static StockChanged stockChanged(String skuId, SkuStock stock, String orderId, String userId,
                                     Instant occurredAt, String causationId) {
        return StockChanged.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId(skuId)
                .setUserId(userId)
                .setOccurredAt(occurredAt)
                .setCausationId(causationId)
                .setVersion(stock.version())
                .setStock(stock.stock())
                .setAvailable(stock.available())
                .setReserved(stock.reserved())
                .setSold(stock.sold())
                .setPerUserLimit(stock.perUserLimit())
                .setSaleStart(Instant.ofEpochMilli(stock.saleStart()))
                .setSaleEnd(Instant.ofEpochMilli(stock.saleEnd()))
                .build();
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
