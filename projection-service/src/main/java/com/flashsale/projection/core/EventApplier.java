package com.flashsale.projection.core;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies decoded events to the read model, in the same transaction as the record of their event
 * ids. An event applied before changes nothing, so a consumer may deliver any event again after a
 * crash or a rebalance.
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
        List<Outcome> outcomes = jdbi.inTransaction(handle -> new ReadModelBatch(handle).apply(changes, clock.instant()));

        // One notice per order, because each notice makes the waiters read the order again.
        Set<String> changedOrders = new LinkedHashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            if (outcomes.get(i) == Outcome.APPLIED && changes.get(i) instanceof OrderChange order) {
                changedOrders.add(order.orderId());
            }
        }
        changedOrders.forEach(listener::orderChanged);
        return outcomes;
    }
}
