package com.flashsale.projection.core;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.StockChanged;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reduces each event type the projection reads to a {@link ViewChange}. Types it does not read,
 * such as commands, yield an empty result.
 */
public final class EventTranslator {

    private static final Map<Class<? extends SpecificRecord>, Function<SpecificRecord, ViewChange>> TRANSLATIONS = Map.of(
            OrderSubmitted.class, event -> submitted((OrderSubmitted) event),
            OrderRetryScheduled.class, event -> retryScheduled((OrderRetryScheduled) event),
            OrderReserved.class, event -> reserved((OrderReserved) event),
            OrderRejected.class, event -> rejected((OrderRejected) event),
            OrderConfirmed.class, event -> confirmed((OrderConfirmed) event),
            OrderExpired.class, event -> expired((OrderExpired) event),
            OrderCancelled.class, event -> cancelled((OrderCancelled) event),
            OrderDeadLettered.class, event -> deadLettered((OrderDeadLettered) event),
            PaymentRejected.class, event -> paymentRejected((PaymentRejected) event),
            StockChanged.class, event -> stockChanged((StockChanged) event));

    public Optional<ViewChange> translate(SpecificRecord event) {
        Function<SpecificRecord, ViewChange> translation = TRANSLATIONS.get(event.getClass());
        return translation == null ? Optional.empty() : Optional.of(translation.apply(event));
    }

    private static ViewChange submitted(OrderSubmitted e) {
        return new OrderChange(e.getEventId(), "OrderSubmitted", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.SUBMITTED, e.getQuantity(), null, null,
                e.getClientRequestId(), e.getRequestId());
    }

    /**
     * A retried submission makes the order RETRYING. A retried payment or cancel only adds to the
     * history, because the order it names may be unknown (and then has no SKU) or already decided.
     */
    private static ViewChange retryScheduled(OrderRetryScheduled e) {
        OrderStatus status = isSubmission(e.getCommand()) ? OrderStatus.RETRYING : null;
        return new OrderChange(e.getEventId(), "OrderRetryScheduled", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), status, null, null, null, null);
    }

    private static ViewChange reserved(OrderReserved e) {
        return new OrderChange(e.getEventId(), "OrderReserved", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.RESERVED, e.getQuantity(), null, e.getExpiresAt(),
                null);
    }

    private static ViewChange rejected(OrderRejected e) {
        return new OrderChange(e.getEventId(), "OrderRejected", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.REJECTED, e.getQuantity(), e.getReason().name(),
                null, null);
    }

    private static ViewChange confirmed(OrderConfirmed e) {
        return new OrderChange(e.getEventId(), "OrderConfirmed", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.CONFIRMED, e.getQuantity(), null, null, null);
    }

    private static ViewChange expired(OrderExpired e) {
        return new OrderChange(e.getEventId(), "OrderExpired", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.EXPIRED, e.getQuantity(), null, null, null);
    }

    private static ViewChange cancelled(OrderCancelled e) {
        return new OrderChange(e.getEventId(), "OrderCancelled", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), OrderStatus.CANCELLED, e.getQuantity(), null, null, null);
    }

    /** Like a retry: only a dead-lettered submission ends the order. */
    private static ViewChange deadLettered(OrderDeadLettered e) {
        OrderStatus status = isSubmission(e.getCommand()) ? OrderStatus.DEAD_LETTERED : null;
        return new OrderChange(e.getEventId(), "OrderDeadLettered", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), status, null, null, null, null);
    }

    private static boolean isSubmission(String command) {
        return OrderSubmitted.class.getSimpleName().equals(command);
    }

    /**
     * Records a late payment in the history only, because the order keeps its status and the
     * merchant refunds the payment.
     */
    private static ViewChange paymentRejected(PaymentRejected e) {
        return new OrderChange(e.getEventId(), "PaymentRejected", e.getOrderId(), e.getSkuId(), e.getUserId(),
                e.getOccurredAt(), e.getCausationId(), null, null, null, null, null);
    }

    private static ViewChange stockChanged(StockChanged e) {
        return new StockChange(e.getEventId(), e.getSkuId(), e.getVersion(), e.getStock(), e.getAvailable(),
                e.getReserved(), e.getSold(), e.getPerUserLimit(), e.getSaleStart(), e.getSaleEnd(), e.getOccurredAt());
    }
}
