package com.flashsale.ingest.core;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the events this service writes, each with a fresh event id and the current time. The
 * events start a chain, so their causation id is null.
 */
public final class EventFactory {

    private final Clock clock;

    public EventFactory(Clock clock) {
        this.clock = clock;
    }

    public OrderSubmitted orderSubmitted(String orderId, String userId, String skuId, int quantity,
                                         String clientRequestId, String requestId) {
        return OrderSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId(skuId)
                .setUserId(userId)
                .setOccurredAt(now())
                .setCausationId(null)
                .setQuantity(quantity)
                .setClientRequestId(clientRequestId)
                .setRequestId(requestId)
                .build();
    }

    public SetStock setStock(String skuId, String merchantId, long stock, int perUserLimit,
                             SaleWindow window, String requestId) {
        return SetStock.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSkuId(skuId)
                .setUserId(merchantId)
                .setOccurredAt(now())
                .setCausationId(null)
                .setStock(stock)
                .setPerUserLimit(perUserLimit)
                .setSaleStart(window.start())
                .setSaleEnd(window.end())
                .setRequestId(requestId)
                .build();
    }

    /** Returns the current time truncated to milliseconds, the precision of Avro's timestamp-millis. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
