package com.flashsale.projection.consumer;

import com.codahale.metrics.Meter;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.InvalidEventException;
import com.flashsale.projection.core.ViewChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one polled batch in one database transaction. A record that cannot be decoded or stored
 * is skipped with a warning and counted. Any other failure, such as the database being down,
 * rolls the whole batch back and rewinds every partition to its first record of the batch.
 * Each applied batch is timed, and each of its events' age at the commit is recorded.
 */
class BatchApplier {

    private static final Logger LOG = LoggerFactory.getLogger(BatchApplier.class);

    /**
     * Outcome of a batch.
     *
     * @param consumedRecords records applied or skipped before the batch ended
     * @param failure the error that stopped the batch, if any
     */
    record Result(int consumedRecords, Optional<RuntimeException> failure) {
    }

    private final EventCodec codec;
    private final EventApplier applier;
    private final Meter skippedRecords;
    private final ProjectionMetrics metrics;

    BatchApplier(EventCodec codec, EventApplier applier, Meter skippedRecords, ProjectionMetrics metrics) {
        this.codec = codec;
        this.applier = applier;
        this.skippedRecords = skippedRecords;
        this.metrics = metrics;
    }

    Result apply(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        List<ViewChange> changes = new ArrayList<>(records.count());
        List<Instant> occurredAt = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            prepare(record, occurredAt).ifPresent(changes::add);
        }

        if (changes.isEmpty()) {
            return new Result(records.count(), Optional.empty());
        }
        long start = System.nanoTime();
        try {
            applier.applyAll(changes);
        } catch (RuntimeException e) {
            rewindAll(consumer, records);
            return new Result(0, Optional.of(e));
        }
        metrics.observeBatch(start, System.nanoTime(), occurredAt);
        return new Result(records.count(), Optional.empty());
    }

    /** Commits the positions of the applied batch; a failed commit only means records come again. */
    void commit(Consumer<String, byte[]> consumer) {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (CommitFailedException e) {
            LOG.warn("Offset commit failed after a rebalance; the new owner applies the records again", e);
        } catch (KafkaException e) {
            LOG.warn("Offset commit failed; the records are applied again after a restart", e);
        }
    }

    /** Decodes and checks one record; a record that can never be projected is skipped here. */
    private Optional<ViewChange> prepare(ConsumerRecord<String, byte[]> record, List<Instant> occurredAt) {
        try {
            if (record.value() == null) {
                throw new SerializationException("The record has no value");
            }
            SpecificRecord event = codec.decode(record.value());
            Optional<ViewChange> change = applier.prepare(event);
            if (change.isPresent()) {
                occurredAt(event).ifPresent(occurredAt::add);
            }
            return change;
        } catch (SerializationException | InvalidEventException e) {
            skip(record, e);
            return Optional.empty();
        }
    }

    /** Reads the event's {@code occurredAt}. Every event schema has one, and an event without it is left out of the lag. */
    private static Optional<Instant> occurredAt(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("occurredAt");
        if (field != null && event.get(field.pos()) instanceof Instant time) {
            return Optional.of(time);
        }
        return Optional.empty();
    }

    private void skip(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        skippedRecords.mark();
        LOG.warn("Skipped a record that cannot be projected topic={} partition={} offset={} error={}",
                record.topic(), record.partition(), record.offset(), e.getMessage());
    }

    /**
     * Moves every partition of the batch back to its first record, because the failed transaction
     * kept none of the batch, so the next poll delivers all of it again.
     */
    private static void rewindAll(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            seekIfAssigned(consumer, partition, records.records(partition).get(0).offset());
        }
    }

    private static void seekIfAssigned(Consumer<String, byte[]> consumer, TopicPartition partition, long offset) {
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, offset);
        }
    }
}
