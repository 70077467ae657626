package com.flashsale.processor.processor;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.processor.state.SkuStock;
import java.util.Optional;

/**
 * Decides whether a submission may reserve stock. Every rule reads event time (the submission's
 * occurredAt), never the wall clock, so that reprocessing the same input decides the same way.
 */
public final class SubmissionRules {

    private final int maxQuantityPerOrder;

    public SubmissionRules(int maxQuantityPerOrder) {
        this.maxQuantityPerOrder = maxQuantityPerOrder;
    }

    /**
     * Returns the reason to reject the submission, or empty when it may reserve its units. The
     * checks run in a fixed order, so a submission that breaks several rules gets the first reason.
     * UNKNOWN_SKU means the submission cannot be decided yet; the caller retries it rather than
     * rejecting it.
     *
     * @param stock the SKU's stock, or null when no SetStock has loaded it
     * @param heldUnits units of the user's RESERVED orders for this SKU
     */
    public Optional<RejectionReason> rejectionReason(OrderSubmitted submission, SkuStock stock, long heldUnits) {
        int quantity = submission.getQuantity();
        long occurredAt = submission.getOccurredAt().toEpochMilli();

        if (quantity < 1 || quantity > maxQuantityPerOrder || hasBlankId(submission)) {
            return Optional.of(RejectionReason.INVALID);
        }
        if (stock == null) {
            return Optional.of(RejectionReason.UNKNOWN_SKU);
        }
        if (occurredAt < stock.saleStart()) {
            return Optional.of(RejectionReason.SALE_NOT_OPEN);
        }
        if (occurredAt >= stock.saleEnd()) {
            return Optional.of(RejectionReason.SALE_ENDED);
        }
        if (heldUnits + quantity > stock.perUserLimit()) {
            return Optional.of(RejectionReason.LIMIT_EXCEEDED);
        }
        if (stock.available() < quantity) {
            return Optional.of(RejectionReason.SOLD_OUT);
        }
        return Optional.empty();
    }

    private static boolean hasBlankId(OrderSubmitted submission) {
        return submission.getOrderId().isBlank()
                || submission.getSkuId().isBlank()
                || submission.getUserId().isBlank();
    }
}
