package com.flashsale.processor.processor;

import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.SkuStock;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the events the reserve-stock stage writes. Each gets a fresh random eventId and, as
 * causationId, the eventId of the input record that caused it. Its occurredAt is the input record's
 * timestamp passed in by the caller, not the wall clock, so that an outcome's time does not depend
 * on when the processor ran.
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
