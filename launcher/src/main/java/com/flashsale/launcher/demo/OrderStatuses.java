package com.flashsale.launcher.demo;

import java.util.Set;

/** Order statuses as the projection reports them, grouped the way the demo checks them. */
public final class OrderStatuses {

    public static final String RESERVED = "RESERVED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String EXPIRED = "EXPIRED";
    public static final String CANCELLED = "CANCELLED";
    public static final String REJECTED = "REJECTED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";

    /** Terminal statuses: once the projection shows one, the order never changes again. */
    public static final Set<String> FINAL = Set.of(CONFIRMED, EXPIRED, CANCELLED, REJECTED, DEAD_LETTERED);

    /** Statuses that only follow a reservation. */
    public static final Set<String> AFTER_RESERVATION = Set.of(RESERVED, CONFIRMED, EXPIRED, CANCELLED);

    private OrderStatuses() {
    }

    public static boolean isFinal(String status) {
        return status != null && FINAL.contains(status);
    }

    /**
     * Whether the processor has decided the submission: it reserved units (whatever happened to
     * the hold since) or rejected it.
     */
    public static boolean isDecided(String status) {
        return status != null && (AFTER_RESERVATION.contains(status) || REJECTED.equals(status));
    }

    /**
     * The outcome that must never change once decided: granted (reserved, and later confirmed,
     * expired or cancelled), rejected with its reason, or dead-lettered. Two different outcomes for
     * one order mean a duplicated decision.
     */
    public static String outcome(String status, String reason) {
        if (REJECTED.equals(status)) {
            return REJECTED + ":" + reason;
        }
        if (DEAD_LETTERED.equals(status)) {
            return DEAD_LETTERED;
        }
        return "GRANTED";
    }
}
