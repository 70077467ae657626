package com.flashsale.processor.processor;

import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields that ConfirmPayment and CancelOrder share, so that both stages can route and retry
 * them alike; the two Avro types have no common interface.
 *
 * @param paymentId payment reference of a ConfirmPayment, null for a CancelOrder
 * @param requestedByMerchant true for a CancelOrder the merchant sent, which may cancel any order
 */
record OrderCommand(String orderId, String userId, String eventId, String type, String paymentId, boolean payment,
                    boolean requestedByMerchant) {

    /** Returns the command view of a ConfirmPayment or CancelOrder, or empty for any other type. */
    static Optional<OrderCommand> of(SpecificRecord value) {
        if (value instanceof ConfirmPayment payment) {
            return Optional.of(new OrderCommand(payment.getOrderId(), payment.getUserId(), payment.getEventId(),
                    ConfirmPayment.class.getSimpleName(), payment.getPaymentId(), true, false));
        }
        if (value instanceof CancelOrder cancel) {
            return Optional.of(new OrderCommand(cancel.getOrderId(), cancel.getUserId(), cancel.getEventId(),
                    CancelOrder.class.getSimpleName(), null, false, cancel.getRequestedByMerchant()));
        }
        return Optional.empty();
    }
}
