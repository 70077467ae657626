package com.flashsale.ingest.core;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
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

    /**
     * The SKU of a payment or cancel command. The schema requires a SKU, but the ingest service
     * keeps no state and cannot know which SKU an order is for, so the stream processor looks it up
     * by order id.
     */
    public static final String SKU_UNKNOWN = "";

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

    public AdjustStock adjustStock(String skuId, String merchantId, long delta, String requestId) {
        return AdjustStock.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSkuId(skuId)
                .setUserId(merchantId)
                .setOccurredAt(now())
                .setCausationId(null)
                .setDelta(delta)
                .setRequestId(requestId)
                .build();
    }

    public ConfirmPayment confirmPayment(String orderId, String merchantId, String paymentId, String requestId) {
        return ConfirmPayment.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId(SKU_UNKNOWN)
                .setUserId(merchantId)
                .setOccurredAt(now())
                .setCausationId(null)
                .setPaymentId(paymentId)
                .setRequestId(requestId)
                .build();
    }

    /**
     * Builds a cancel command. Unless {@code requestedByMerchant} is true, the stream processor
     * applies it only when {@code userId} owns the order.
     */
    public CancelOrder cancelOrder(String orderId, String userId, boolean requestedByMerchant, String requestId) {
        return CancelOrder.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId(SKU_UNKNOWN)
                .setUserId(userId)
                .setOccurredAt(now())
                .setCausationId(null)
                .setRequestedByMerchant(requestedByMerchant)
                .setRequestId(requestId)
                .build();
    }

    /** Returns the current time truncated to milliseconds, the precision of Avro's timestamp-millis. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
