package com.flashsale.projection.core;

import com.flashsale.projection.core.EventApplier.Outcome;
import com.flashsale.projection.db.AppliedEventDao;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.OrderHistoryRow;
import com.flashsale.projection.db.OrderUpsert;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.db.SkuRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch of changes inside one transaction with a few JDBC batches rather than several
 * statements per event, because each statement is a round trip to the database. The tables end
 * up as if each change had been applied alone, in order. The event ids go first, to drop the ones
 * applied before. The history rows come next, because the version of a new order counts them.
 * Then each order and each SKU gets one write.
 */
final class ReadModelBatch {

    private final AppliedEventDao appliedEvents;
    private final OrderHistoryDao history;
    private final OrderDao orders;
    private final SkuDao skus;

    /** Attaches the DAOs once, because attaching builds a proxy each time. */
    ReadModelBatch(Handle handle) {
        this.appliedEvents = handle.attach(AppliedEventDao.class);
        this.history = handle.attach(OrderHistoryDao.class);
        this.orders = handle.attach(OrderDao.class);
        this.skus = handle.attach(SkuDao.class);
    }

    /** Applies the changes and returns the outcome of each, in the same order. */
    List<Outcome> apply(List<ViewChange> changes, Instant appliedAt) {
        List<Outcome> outcomes = recordEventIds(changes, appliedAt);

        List<OrderChange> orderChanges = new ArrayList<>();
        List<StockChange> stockChanges = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (outcomes.get(i) != Outcome.APPLIED) {
                continue;
            }
            if (changes.get(i) instanceof OrderChange order) {
                orderChanges.add(order);
            } else if (changes.get(i) instanceof StockChange stock) {
                stockChanges.add(stock);
            }
        }

        writeOrders(orderChanges);
        writeStock(stockChanges);
        return outcomes;
    }

    /** Marks each change applied or a duplicate. A second copy within the batch is a duplicate too. */
    private List<Outcome> recordEventIds(List<ViewChange> changes, Instant appliedAt) {
        List<String> ids = changes.stream().map(ViewChange::eventId).toList();
        int[] recorded = appliedEvents.markAllApplied(ids, appliedAt);
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        for (int count : recorded) {
            outcomes.add(count == 0 ? Outcome.DUPLICATE : Outcome.APPLIED);
        }
        return outcomes;
    }

    private void writeOrders(List<OrderChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        history.insertAll(changes.stream().map(ReadModelBatch::historyRow).toList());

        Map<String, OrderFold> folds = new LinkedHashMap<>();
        for (OrderChange change : changes) {
            folds.computeIfAbsent(change.orderId(), OrderFold::new).add(change);
        }

        List<OrderUpsert> upserts = new ArrayList<>();
        List<String> historyOnlyIds = new ArrayList<>();
        List<Integer> historyOnlyCounts = new ArrayList<>();
        for (OrderFold fold : folds.values()) {
            fold.upsert().ifPresentOrElse(upserts::add, () -> {
                historyOnlyIds.add(fold.orderId());
                historyOnlyCounts.add(fold.events());
            });
        }

        if (!upserts.isEmpty()) {
            List<OrderUpsert> existing = notInserted(upserts, orders.insertAllIfAbsent(upserts));
            if (!existing.isEmpty()) {
                orders.advanceAll(existing);
            }
        }
        if (!historyOnlyIds.isEmpty()) {
            orders.countEvents(historyOnlyIds, historyOnlyCounts);
        }
    }

    /** Writes the newest version of each SKU in the batch over an older stored one. */
    private void writeStock(List<StockChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, StockChange> newest = new LinkedHashMap<>();
        for (StockChange change : changes) {
            newest.merge(change.skuId(), change, (kept, next) -> next.version() > kept.version() ? next : kept);
        }

        List<SkuRow> rows = newest.values().stream().map(ReadModelBatch::skuRow).toList();
        List<SkuRow> existing = notInserted(rows, skus.insertAllIfAbsent(rows));
        if (!existing.isEmpty()) {
            skus.updateAllIfNewer(existing);
        }
    }

    /** Returns the rows whose insert counted 0 rows, because a row with their key existed. */
    private static <T> List<T> notInserted(List<T> rows, int[] inserted) {
        List<T> existing = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                existing.add(rows.get(i));
            }
        }
        return existing;
    }

    private static OrderHistoryRow historyRow(OrderChange change) {
        return new OrderHistoryRow(change.eventId(), change.orderId(), change.eventType(), change.occurredAt(),
                change.reason(), change.causationId(), change.requestId());
    }

    private static SkuRow skuRow(StockChange change) {
        return new SkuRow(change.skuId(), change.stock(), change.available(), change.reserved(), change.sold(),
                change.perUserLimit(), change.saleStart(), change.saleEnd(), change.version(), change.occurredAt());
    }
}
