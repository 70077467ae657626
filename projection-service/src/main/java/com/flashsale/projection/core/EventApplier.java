package com.flashsale.projection.core;

import com.flashsale.projection.db.AppliedEventDao;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.OrderHistoryRow;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.db.SkuRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final OrderChangeListener listener;
    private final EventTranslator translator = new EventTranslator();

    /**
     * @param clock sets only the time an event id was recorded. What an event changes comes from
     *              the event alone, so a replay gives the same read model
     */
    public EventApplier(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, OrderChangeListener.NONE);
    }

    public EventApplier(Jdbi jdbi, Clock clock, OrderChangeListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Applies one event.
     *
     * @throws InvalidEventException when the event cannot be stored, which a retry would not fix
     * @throws org.jdbi.v3.core.JdbiException when the database fails; nothing of the event is kept
     */
    public Outcome apply(SpecificRecord event) {
        Optional<ViewChange> change = prepare(event);
        if (change.isEmpty()) {
            return Outcome.NOT_PROJECTED;
        }
        return applyAll(List.of(change.get())).get(0);
    }

    /**
     * Translates and checks an event without touching the database.
     *
     * @return the change to apply, or empty for a type the read model does not keep
     * @throws InvalidEventException when the event cannot be stored, which a retry would not fix
     */
    public Optional<ViewChange> prepare(SpecificRecord event) {
        Optional<ViewChange> change = translator.translate(event);
        change.ifPresent(EventLimits::check);
        return change;
    }

    /**
     * Applies prepared changes in one transaction, which saves a commit per event when a consumer
     * has a batch. Each change still records its event id in that transaction, so a change
     * applied before is skipped, and a failure keeps none of them. Long-poll waiters are notified
     * after the commit.
     *
     * @throws org.jdbi.v3.core.JdbiException when the database fails
     */
    public List<Outcome> applyAll(List<ViewChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Outcome> outcomes = jdbi.inTransaction(handle -> {
            // One attachment per transaction, because attaching builds a proxy each time. This raised
            // the projection benchmark by about 30 % (docs/benchmarks.md, "Tuning").
            Daos daos = new Daos(handle);
            List<Outcome> results = new ArrayList<>(changes.size());
            for (ViewChange change : changes) {
                results.add(applyInTransaction(daos, change));
            }
            return results;
        });

        for (int i = 0; i < changes.size(); i++) {
            if (outcomes.get(i) == Outcome.APPLIED && changes.get(i) instanceof OrderChange order) {
                listener.orderChanged(order.orderId());
            }
        }
        return outcomes;
    }

    /** The read model's DAOs, attached to one transaction's handle. */
    private record Daos(AppliedEventDao appliedEvents, OrderHistoryDao history, OrderDao orders, SkuDao skus) {

        Daos(Handle handle) {
            this(handle.attach(AppliedEventDao.class), handle.attach(OrderHistoryDao.class),
                    handle.attach(OrderDao.class), handle.attach(SkuDao.class));
        }
    }

    private Outcome applyInTransaction(Daos daos, ViewChange change) {
        int recorded = daos.appliedEvents().markApplied(change.eventId(), clock.instant());
        if (recorded == 0) {
            return Outcome.DUPLICATE;
        }

        if (change instanceof OrderChange order) {
            applyOrder(daos, order);
        } else if (change instanceof StockChange stock) {
            applyStock(daos, stock);
        }
        return Outcome.APPLIED;
    }

    /**
     * Adds the event to the order's history first, because the version of a new order row counts
     * the history rows. The order's version is then the number of its applied events, whichever
     * order they arrived in, and every applied event raises it by one.
     */
    private static void applyOrder(Daos daos, OrderChange change) {
        daos.history().insert(new OrderHistoryRow(change.eventId(), change.orderId(),
                change.eventType(), change.occurredAt(), change.reason(), change.causationId(), change.requestId()));

        OrderDao orders = daos.orders();
        if (!change.changesOrder()) {
            orders.countEvent(change.orderId());
            return;
        }
        String status = change.status().name();
        int rank = change.status().rank();
        int inserted = orders.insertIfAbsent(change.orderId(), change.userId(), change.skuId(), change.quantity(),
                status, rank, change.reason(), change.occurredAt(), change.expiresAt(), change.clientRequestId());
        if (inserted == 0) {
            orders.advance(change.orderId(), change.quantity(), status, rank, change.reason(), change.occurredAt(),
                    change.expiresAt(), change.clientRequestId());
        }
    }

    private static void applyStock(Daos daos, StockChange change) {
        SkuRow row = new SkuRow(change.skuId(), change.stock(), change.available(), change.reserved(), change.sold(),
                change.perUserLimit(), change.saleStart(), change.saleEnd(), change.version(), change.occurredAt());
        SkuDao skus = daos.skus();
        if (skus.insertIfAbsent(row) == 0) {
            skus.updateIfNewer(row);
        }
    }
}
