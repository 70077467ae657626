package com.flashsale.processor.processor;

import com.flashsale.processor.serde.StateSerdes;
import com.flashsale.processor.state.DueKey;
import com.flashsale.processor.state.PendingRetry;
import com.flashsale.processor.topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries of one stage: records that cannot be processed yet wait in a changelogged store under a
 * {@link DueKey}, so scheduled retries survive a crash and a restarted task runs those that fell
 * due while it was down. Each scheduled retry writes an OrderRetryScheduled. When the last one
 * fails too, the stage writes an OrderDeadLettered and copies the record to the dead-letter topic.
 * Due times are wall-clock milliseconds, because only a wall-clock punctuator runs them.
 */
final class RetryScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RetryScheduler.class);

    private final KeyValueStore<String, PendingRetry> store;
    private final List<Duration> delays;
    private final StageOutput output;
    private final RecordCounter retriesScheduled;
    private final RecordCounter deadLettered;

    RetryScheduler(KeyValueStore<String, PendingRetry> store, List<Duration> delays, StageOutput output,
                   RecordCounter retriesScheduled, RecordCounter deadLettered) {
        this.store = store;
        this.delays = List.copyOf(delays);
        this.output = output;
        this.retriesScheduled = retriesScheduled;
        this.deadLettered = deadLettered;
    }

    /**
     * Fields of a record that its retry events and its dead-letter copy carry.
     *
     * @param skuId SKU of the order, or "" when the stage does not know it
     * @param userId owner of the order, or the command's user when the order is not known
     * @param eventId eventId of the record
     * @param originalKey key of the record on its source topic
     */
    record Target(String orderId, String skuId, String userId, String eventId, String originalKey) {
    }

    /**
     * Schedules the first retry of an input record that the stage cannot process yet.
     *
     * @param source where the stage read the record; when empty, the copy's source headers give
     *     partition and offset -1
     * @param wallClockMillis current wall-clock time, from which the delay counts
     */
    void scheduleFirst(Record<String, SpecificRecord> record, Target target, Optional<RecordMetadata> source,
                       String error, long wallClockMillis) {
        String command = record.value().getClass().getSimpleName();
        String sourceTopic = source.map(RecordMetadata::topic).orElse("");
        byte[] event = StateSerdes.EVENT.serializer().serialize(sourceTopic, record.value());
        PendingRetry retry = new PendingRetry(target.orderId(), target.skuId(), target.userId(), target.eventId(),
                command, target.originalKey(), event, sourceTopic,
                source.map(RecordMetadata::partition).orElse(-1),
                source.map(RecordMetadata::offset).orElse(-1L),
                1, error);
        schedule(retry, record.timestamp(), wallClockMillis);
    }

    /** Runs, in due order, every retry due at the punctuation's wall-clock timestamp. */
    void runDue(long punctuationTimestamp, RetryHandler handler) {
        // Collected first, because running a retry may schedule the next one into the same store.
        List<KeyValue<String, PendingRetry>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingRetry> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, PendingRetry> entry = entries.next();
                if (DueKey.dueAtOf(entry.key) > punctuationTimestamp) {
                    break;
                }
                due.add(entry);
            }
        }
        for (KeyValue<String, PendingRetry> entry : due) {
            store.delete(entry.key);
            runOne(entry.value, punctuationTimestamp, handler);
        }
    }

    private void runOne(PendingRetry retry, long punctuationTimestamp, RetryHandler handler) {
        SpecificRecord event = StateSerdes.EVENT.deserializer().deserialize(retry.sourceTopic(), retry.event());
        Optional<String> error = handler.retry(event, punctuationTimestamp);
        if (error.isEmpty()) {
            LOG.debug("Processed on retry orderId={} command={} attempt={}", retry.orderId(), retry.command(), retry.attempt());
            return;
        }
        if (retry.attempt() < delays.size()) {
            schedule(retry.nextAttempt(error.get()), punctuationTimestamp, punctuationTimestamp);
            return;
        }
        giveUp(retry.withError(error.get()), event, punctuationTimestamp);
        handler.giveUp(event, punctuationTimestamp);
    }

    private void schedule(PendingRetry retry, long occurredAtMillis, long wallClockMillis) {
        long retryAt = wallClockMillis + delays.get(retry.attempt() - 1).toMillis();
        store.put(retryKey(retryAt, retry), retry);
        retriesScheduled.increment();
        LOG.debug("Scheduled retry orderId={} command={} attempt={} retryAt={}: {}",
                retry.orderId(), retry.command(), retry.attempt(), Instant.ofEpochMilli(retryAt), retry.error());
        output.emit(new Record<>(retry.orderId(),
                RetryEvents.retryScheduled(retry, Instant.ofEpochMilli(occurredAtMillis), Instant.ofEpochMilli(retryAt)),
                occurredAtMillis));
    }

    /**
     * Orders retries due in the same millisecond by order and then by source offset. All records
     * of one order reach a stage through one partition, so a submission runs before the commands
     * that arrived after it, even when they were scheduled in the same wall-clock millisecond.
     */
    private static String retryKey(long retryAt, PendingRetry retry) {
        return DueKey.of(retryAt, String.format("%s/%019d/%s", retry.orderId(), retry.sourceOffset(), retry.eventId()));
    }

    private void giveUp(PendingRetry retry, SpecificRecord event, long punctuationTimestamp) {
        deadLettered.increment();
        LOG.warn("Dead-lettered orderId={} command={} topic={} partition={} offset={} after {} retries: {}",
                retry.orderId(), retry.command(), retry.sourceTopic(), retry.sourcePartition(), retry.sourceOffset(),
                retry.attempt(), retry.error());
        output.emit(new Record<>(retry.orderId(),
                RetryEvents.deadLettered(retry, Instant.ofEpochMilli(punctuationTimestamp)), punctuationTimestamp));
        output.deadLetter(new Record<>(retry.originalKey(), event, punctuationTimestamp,
                deadLetterHeaders(retry, punctuationTimestamp)));
    }

    private static Headers deadLetterHeaders(PendingRetry retry, long punctuationTimestamp) {
        RetriesExhaustedException error = new RetriesExhaustedException(retry.command(), retry.attempt(), retry.error());
        Headers headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.TOPIC, retry.sourceTopic());
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(retry.sourcePartition()));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(retry.sourceOffset()));
        add(headers, DeadLetterHeaders.EXCEPTION, error.getClass().getName());
        add(headers, DeadLetterHeaders.MESSAGE, error.getMessage());
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(retry.attempt()));
        add(headers, DeadLetterHeaders.TIME, Instant.ofEpochMilli(punctuationTimestamp).toString());
        return headers;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
