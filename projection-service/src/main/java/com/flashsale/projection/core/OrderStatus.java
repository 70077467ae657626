package com.flashsale.projection.core;

/**
 * Status of an order in the read model, with its rank. Events of one order reach the projection
 * over several topics, so they can arrive out of order. An event moves an order only to a status
 * of higher rank, which makes the final status independent of the arrival order.
 */
public enum OrderStatus {
    SUBMITTED(0),
    RETRYING(1),
    RESERVED(2),
    CONFIRMED(3),
    EXPIRED(3),
    CANCELLED(3),
    REJECTED(3),
    DEAD_LETTERED(3);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isTerminal() {
        return rank == CONFIRMED.rank;
    }
}
