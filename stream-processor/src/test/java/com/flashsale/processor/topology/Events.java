package com.flashsale.processor.topology;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Input events for topology tests, with one sale window shared by every test. */
final class Events {

    static final Instant SALE_START = Instant.parse("2030-11-11T00:00:00Z");
    static final Instant SALE_END = SALE_START.plus(Duration.ofHours(1));
    static final Instant DURING_SALE = SALE_START.plus(Duration.ofMinutes(1));
    static final String MERCHANT = "merchant-1";

    private Events() {
    }

    static OrderSubmitted submission(String orderId, String skuId, String userId, int quantity, Instant occurredAt) {
        return OrderSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId(skuId)
                .setUserId(userId)
                .setOccurredAt(occurredAt)
                .setQuantity(quantity)
                .setClientRequestId("request-" + orderId)
                .build();
    }

    static SetStock setStock(String skuId, long stock, int perUserLimit) {
        return SetStock.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSkuId(skuId)
                .setUserId(MERCHANT)
                .setOccurredAt(SALE_START.minus(Duration.ofMinutes(10)))
                .setStock(stock)
                .setPerUserLimit(perUserLimit)
                .setSaleStart(SALE_START)
                .setSaleEnd(SALE_END)
                .build();
    }

    static AdjustStock adjustStock(String skuId, long delta) {
        return AdjustStock.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSkuId(skuId)
                .setUserId(MERCHANT)
                .setOccurredAt(SALE_START.minus(Duration.ofMinutes(5)))
                .setDelta(delta)
                .build();
    }

    static ConfirmPayment payment(String orderId, String userId, Instant occurredAt) {
        return ConfirmPayment.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId("")
                .setUserId(userId)
                .setOccurredAt(occurredAt)
                .setPaymentId("payment-" + UUID.randomUUID())
                .build();
    }

    static CancelOrder cancel(String orderId, String userId, Instant occurredAt) {
        return CancelOrder.newBuilder(merchantCancel(orderId, occurredAt))
                .setUserId(userId)
                .setRequestedByMerchant(false)
                .build();
    }

    static CancelOrder merchantCancel(String orderId, Instant occurredAt) {
        return CancelOrder.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId("")
                .setUserId(MERCHANT)
                .setOccurredAt(occurredAt)
                .setRequestedByMerchant(true)
                .build();
    }
}
