package com.flashsale.projection.replay;

import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.InvalidEventException;
import com.flashsale.projection.db.ReadModelTables;
import com.flashsale.projection.db.RebuildOffset;
import com.flashsale.projection.db.RebuildProgressDao;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the read model from the event log. After each batch it stores the next offset of every
 * partition, so a rebuild that stopped half-way continues from there instead of starting over.
 * Events applied before the stop and replayed again change nothing, because the applier records
 * event ids.
 */
public final class ReadModelRebuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuilder.class);

    /** Outcome of a rebuild. */
    public record Result(boolean resumed, long records, long skippedRecords) {
    }

    private final LogReplayer replayer;
    private final Jdbi jdbi;

    public ReadModelRebuilder(LogReplayer replayer, Jdbi jdbi) {
        this.replayer = replayer;
        this.jdbi = jdbi;
    }

    /** Empties the read model unless an earlier rebuild stopped half-way, then replays the log into it. */
    public Result rebuild(ReplayProgress progress) {
        RebuildProgressDao progressDao = jdbi.onDemand(RebuildProgressDao.class);
        Map<TopicPartition, Long> startOffsets = new HashMap<>();
        progressDao.findAll().forEach(offset ->
                startOffsets.put(new TopicPartition(offset.topic(), offset.kafkaPartition()), offset.nextOffset()));
        boolean resumed = !startOffsets.isEmpty();
        if (resumed) {
            LOG.info("Resuming an interrupted rebuild partitions={}", startOffsets.size());
        } else {
            jdbi.useHandle(ReadModelTables::truncate);
            LOG.info("Emptied the read model tables={}", ReadModelTables.NAMES);
        }

        // The wall clock only stamps when each event id was recorded.
        EventApplier applier = new EventApplier(jdbi, Clock.systemUTC());
        RecordDecoder decoder = new RecordDecoder();
        long records = replayer.replay(startOffsets, (batch, nextOffsets) -> {
            for (ConsumerRecord<String, byte[]> record : batch) {
                decoder.decode(record).ifPresent(event -> {
                    try {
                        applier.apply(event);
                    } catch (InvalidEventException e) {
                        decoder.markSkipped(record, e);
                    }
                });
            }
            progressDao.save(toRows(nextOffsets));
        }, progress);

        progressDao.clear();
        LOG.info("Rebuilt the read model records={} skipped={}", records, decoder.skipped());
        return new Result(resumed, records, decoder.skipped());
    }

    private static List<RebuildOffset> toRows(Map<TopicPartition, Long> nextOffsets) {
        return nextOffsets.entrySet().stream()
                .map(entry -> new RebuildOffset(entry.getKey().topic(), entry.getKey().partition(), entry.getValue()))
                .toList();
    }
}
