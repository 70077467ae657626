package com.flashsale.launcher.demo;

/**
 * What the demo saw of one accepted order while tracking it.
 *
 * @param decision the first observation that showed the order decided (reserved or rejected), or null
 * @param finalObservation the first observation with a terminal status, or null if none came in time
 * @param last the latest observation, or null if the projection never returned the order
 * @param action what the demo did with the reservation, or null when there was none
 * @param commandStatus HTTP status of the payment or cancel command (0 for no answer), or null without one
 */
public record OrderTrace(
        String orderId,
        String shopperId,
        OrderObservation decision,
        OrderObservation finalObservation,
        OrderObservation last,
        HoldAction action,
        Integer commandStatus) {

    public boolean isFinished() {
        return finalObservation != null;
    }

    /** Whether the demo sent a payment for this order that the ingest service accepted. */
    public boolean paymentAccepted() {
        return action == HoldAction.PAY && commandStatus != null && commandStatus == 202;
    }
}
