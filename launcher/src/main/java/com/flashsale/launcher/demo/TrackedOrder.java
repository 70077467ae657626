package com.flashsale.launcher.demo;

import java.util.concurrent.CompletableFuture;

/**
 * The tracker's mutable state of one order. Only one long poll of an order runs at a time, and a
 * command's response may arrive on another thread, so the fields are guarded by this object.
 */
final class TrackedOrder {

    private final String orderId;
    private final String shopperId;
    private final String token;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long lastVersion;
    private OrderObservation decision;
    private OrderObservation finalObservation;
    private OrderObservation last;
    private HoldAction action;
    private Integer commandStatus;
    private int unchangedInARow;

    TrackedOrder(String orderId, String shopperId, String token) {
        this.orderId = orderId;
        this.shopperId = shopperId;
        this.token = token;
    }

    String orderId() {
        return orderId;
    }

    String token() {
        return token;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    synchronized long lastVersion() {
        return lastVersion;
    }

    /**
     * Records a response of the projection.
     *
     * @return true when this response is the first to show the order reserved, so the caller acts on the hold
     */
    synchronized boolean observe(OrderObservation observation) {
        if (observation.version() > lastVersion) {
            unchangedInARow = 0;
        }
        lastVersion = Math.max(lastVersion, observation.version());
        last = observation;
        boolean firstDecision = decision == null && observation.isDecided();
        if (firstDecision) {
            decision = observation;
        }
        if (finalObservation == null && observation.isFinal()) {
            finalObservation = observation;
            done.complete(null);
        }
        return firstDecision && OrderStatuses.RESERVED.equals(observation.status());
    }

    /** Counts a response that showed nothing new and returns how many came in a row. */
    synchronized int countUnchangedAnswer() {
        return ++unchangedInARow;
    }

    synchronized boolean isDecided() {
        return decision != null;
    }

    synchronized void action(HoldAction chosen) {
        action = chosen;
    }

    synchronized void commandStatus(int status) {
        commandStatus = status;
    }

    /** Stops tracking without a final status, because the overall timeout passed. */
    void giveUp() {
        done.complete(null);
    }

    synchronized OrderTrace trace() {
        return new OrderTrace(orderId, shopperId, decision, finalObservation, last, action, commandStatus);
    }
}
