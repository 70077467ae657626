package com.flashsale.launcher.demo;

/**
 * An order for a SKU whose stock is never loaded: the processor retries it and then dead-letters it.
 *
 * @param orderId from the submission's 202, or null when the submission was not accepted
 * @param status the order's final status, else its last status, else null
 */
public record DeadLetterCheck(String orderId, String status) {

    public boolean passed() {
        return OrderStatuses.DEAD_LETTERED.equals(status);
    }
}
