package com.flashsale.projection.consumer;

import com.codahale.metrics.Meter;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.InvalidEventException;
import java.util.Optional;
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
 * Applies one polled batch record by record. A record that cannot be decoded or stored is skipped
 * with a warning and counted. Any other failure, such as the database being down, stops the batch
 * and rewinds every partition to its first record not yet applied.
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

    BatchApplier(EventCodec codec, EventApplier applier, Meter skippedRecords) {
        this.codec = codec;
        this.applier = applier;
        this.skippedRecords = skippedRecords;
    }

    Result apply(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        int consumed = 0;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    applyRecord(record);
                    consumed++;
                } catch (RuntimeException e) {
                    rewind(consumer, records, partition, record.offset());
                    return new Result(consumed, Optional.of(e));
                }
            }
        }
        return new Result(consumed, Optional.empty());
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

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event;
        try {
            if (record.value() == null) {
                throw new SerializationException("The record has no value");
            }
            event = codec.decode(record.value());
        } catch (SerializationException e) {
            skip(record, e);
            return;
        }

        try {
            applier.apply(event);
        } catch (InvalidEventException e) {
            skip(record, e);
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        skippedRecords.mark();
        LOG.warn("Skipped a record that cannot be projected topic={} partition={} offset={} error={}",
                record.topic(), record.partition(), record.offset(), e.getMessage());
    }

    /**
     * Moves the failed partition back to the failed record and every partition not yet reached back
     * to its first record of this batch, so the next poll delivers them again. Partitions that
     * completed keep their position; their offsets are committed with a later batch.
     */
    private static void rewind(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records,
                               TopicPartition failed, long failedOffset) {
        boolean reached = false;
        for (TopicPartition partition : records.partitions()) {
            if (partition.equals(failed)) {
                reached = true;
                seekIfAssigned(consumer, partition, failedOffset);
            } else if (reached) {
                seekIfAssigned(consumer, partition, records.records(partition).get(0).offset());
            }
        }
    }

    private static void seekIfAssigned(Consumer<String, byte[]> consumer, TopicPartition partition, long offset) {
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, offset);
        }
    }
}
