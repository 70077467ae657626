package com.flashsale.launcher.demo;

import java.util.Set;

/** Order statuses as the projection reports them, grouped the way the demo checks them. */
public final class OrderStatuses {

    public static final String RESERVED = "RESERVED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";

    /**
     * Statuses after which the demo stops waiting for an order. RESERVED counts as final because
     * the demo neither pays nor waits for the hold to expire.
     */
    public static final Set<String> FINAL = Set.of(RESERVED, CONFIRMED, "EXPIRED", "CANCELLED", REJECTED,
            DEAD_LETTERED);

    /** Statuses whose units count against the SKU's stock. */
    public static final Set<String> HOLDING_UNITS = Set.of(RESERVED, CONFIRMED);

    private OrderStatuses() {
    }

    public static boolean isFinal(String status) {
        return status != null && FINAL.contains(status);
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
