package com.flashsale.projection.core;

import com.flashsale.projection.db.AppliedEventDao;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.OrderHistoryRow;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.db.SkuRow;
import java.time.Clock;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies decoded events to the read model, each in one transaction together with the record of
 * its event id. An event applied before changes nothing, so a consumer may deliver any event
 * again after a crash or a rebalance.
 */
public class EventApplier {

    /** Result of applying one event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        /** The event type has no place in the read model, such as a command. */
        NOT_PROJECTED
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final EventTranslator translator = new EventTranslator();

    public EventApplier(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Applies one event.
     *
     * @throws InvalidEventException when the event cannot be stored, which a retry would not fix
     * @throws org.jdbi.v3.core.JdbiException when the database fails; nothing of the event is kept
     */
    public Outcome apply(SpecificRecord event) {
        Optional<ViewChange> change = translator.translate(event);
        if (change.isEmpty()) {
            return Outcome.NOT_PROJECTED;
        }
        EventLimits.check(change.get());
        return jdbi.inTransaction(handle -> applyInTransaction(handle, change.get()));
    }

    private Outcome applyInTransaction(Handle handle, ViewChange change) {
        int recorded = handle.attach(AppliedEventDao.class).markApplied(change.eventId(), clock.instant());
        if (recorded == 0) {
            return Outcome.DUPLICATE;
        }

        if (change instanceof OrderChange order) {
            applyOrder(handle, order);
        } else if (change instanceof StockChange stock) {
            applyStock(handle, stock);
        }
        return Outcome.APPLIED;
    }

    private static void applyOrder(Handle handle, OrderChange change) {
        if (change.changesOrder()) {
            OrderDao orders = handle.attach(OrderDao.class);
            String status = change.status().name();
            int rank = change.status().rank();
            int inserted = orders.insertIfAbsent(change.orderId(), change.userId(), change.skuId(), change.quantity(),
                    status, rank, change.reason(), change.occurredAt(), change.expiresAt(), change.clientRequestId());
            if (inserted == 0) {
                orders.advance(change.orderId(), change.quantity(), status, rank, change.reason(), change.occurredAt(),
                        change.expiresAt(), change.clientRequestId());
            }
        }

        handle.attach(OrderHistoryDao.class).insert(new OrderHistoryRow(change.eventId(), change.orderId(),
                change.eventType(), change.occurredAt(), change.reason(), change.causationId()));
    }

    private static void applyStock(Handle handle, StockChange change) {
        SkuRow row = new SkuRow(change.skuId(), change.stock(), change.available(), change.reserved(), change.sold(),
                change.perUserLimit(), change.saleStart(), change.saleEnd(), change.version(), change.occurredAt());
        SkuDao skus = handle.attach(SkuDao.class);
        if (skus.insertIfAbsent(row) == 0) {
            skus.updateIfNewer(row);
        }
    }
}
