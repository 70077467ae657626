package com.flashsale.projection.core;

import com.flashsale.projection.db.OrderUpsert;
import java.time.Instant;
import java.util.Optional;

/**
 * Folds the events of one order within a batch, in arrival order, into one write of its row. The
 * result is the row that applying the events one by one would give. The status moves only to a
 * strictly higher rank, so among equal ranks the first event wins. Quantity, hold end and client
 * request id keep the first known value, and the times keep the earliest and the latest.
 */
final class OrderFold {

    private final String orderId;
    private int events;
    private OrderChange first;
    private OrderChange top;
    private Integer quantity;
    private Instant expiresAt;
    private String clientRequestId;
    private Instant earliest;
    private Instant latest;

    OrderFold(String orderId) {
        this.orderId = orderId;
    }

    void add(OrderChange change) {
        events++;
        if (!change.changesOrder()) {
            return;
        }

        if (first == null) {
            first = change;
            top = change;
            earliest = change.occurredAt();
            latest = change.occurredAt();
        } else if (change.status().rank() > top.status().rank()) {
            top = change;
        }

        quantity = quantity != null ? quantity : change.quantity();
        expiresAt = expiresAt != null ? expiresAt : change.expiresAt();
        clientRequestId = clientRequestId != null ? clientRequestId : change.clientRequestId();
        earliest = change.occurredAt().isBefore(earliest) ? change.occurredAt() : earliest;
        latest = change.occurredAt().isAfter(latest) ? change.occurredAt() : latest;
    }

    String orderId() {
        return orderId;
    }

    /** Applied events of the order in this batch, including those that only enter its history. */
    int events() {
        return events;
    }

    /** Returns the row write, or empty when every event of the batch only enters the order's history. */
    Optional<OrderUpsert> upsert() {
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new OrderUpsert(orderId, first.userId(), first.skuId(), quantity, top.status().name(),
                top.status().rank(), top.reason(), earliest, latest, expiresAt, clientRequestId, events));
    }
}
