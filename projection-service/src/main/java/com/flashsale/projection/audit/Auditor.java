package com.flashsale.projection.audit;

import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.InvalidEventException;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.db.ReadModelTables;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.db.SkuRow;
import com.flashsale.projection.replay.LogReplayer;
import com.flashsale.projection.replay.RecordDecoder;
import com.flashsale.projection.replay.ReplayProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;

/**
 * Replays the event log into an empty database with the service's own {@link EventApplier}, checks
 * the invariants on the replayed events, and compares the result with the live read model. The
 * replay applies only what the events say and decides nothing by the wall clock.
 */
public final class Auditor {

    private final LogReplayer replayer;
    private final Jdbi replayDatabase;
    private final Jdbi liveDatabase;

    /**
     * @param replayDatabase a migrated database whose read-model tables are empty
     * @param liveDatabase the service's database, only read
     */
    public Auditor(LogReplayer replayer, Jdbi replayDatabase, Jdbi liveDatabase) {
        this.replayer = replayer;
        this.replayDatabase = replayDatabase;
        this.liveDatabase = liveDatabase;
    }

    /**
     * Runs the audit.
     *
     * @throws IllegalStateException when the replay database already holds rows
     */
    public AuditReport run(ReplayProgress progress) {
        if (!replayDatabase.withHandle(ReadModelTables::isEmpty)) {
            throw new IllegalStateException("The replay database is not empty; give the audit a fresh database");
        }
        // Clock.systemUTC() only stamps when each event id was recorded, which the audit never compares.
        EventApplier applier = new EventApplier(replayDatabase, Clock.systemUTC());
        InvariantChecker checker = new InvariantChecker();
        RecordDecoder decoder = new RecordDecoder();

        long records = replayer.replay(Map.of(), (batch, nextOffsets) -> {
            for (ConsumerRecord<String, byte[]> record : batch) {
                decoder.decode(record).ifPresent(event -> replayOne(record, event, applier, checker, decoder));
            }
        }, progress);

        // NOTE: the live read model may already contain events written after the replay's end offsets,
        // and those show up as differences. Audit a pipeline that takes no traffic for an exact result.
        List<OrderRow> replayedOrders = replayDatabase.onDemand(OrderDao.class).listAll();
        List<OrderRow> liveOrders = liveDatabase.onDemand(OrderDao.class).listAll();
        List<SkuRow> replayedSkus = replayDatabase.onDemand(SkuDao.class).listAll();
        List<SkuRow> liveSkus = liveDatabase.onDemand(SkuDao.class).listAll();
        List<Difference> differences = new ArrayList<>(ReadModelComparator.compareOrders(replayedOrders, liveOrders));
        differences.addAll(ReadModelComparator.compareSkus(replayedSkus, liveSkus));

        return new AuditReport(records, decoder.skipped(), checker.duplicateEvents(), checker.eventCounts(),
                checker.submittedOrders(), checker.openOrders(), replayedOrders.size(), liveOrders.size(),
                checker.skus(), checker.violations(), checker.warnings(), differences);
    }

    private static void replayOne(ConsumerRecord<String, byte[]> record, SpecificRecord event, EventApplier applier,
                                  InvariantChecker checker, RecordDecoder decoder) {
        try {
            applier.apply(event);
        } catch (InvalidEventException e) {
            decoder.markSkipped(record, e);
            return;
        }
        checker.accept(event);
    }
}
