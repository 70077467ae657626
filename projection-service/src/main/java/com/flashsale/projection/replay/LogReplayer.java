package com.flashsale.projection.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the given topics from a start offset (offset 0 unless a resumed
 * rebuild stored another) up to the end offsets read when the replay starts. Records written
 * later are left out, so that a replay of a running pipeline still ends. Within a partition,
 * records come in log order; partitions interleave in any order.
 */
public final class LogReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(LogReplayer.class);

    /** Receives each polled batch and the next offset of every partition after it. */
    @FunctionalInterface
    public interface BatchHandler {

        void handle(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> nextOffsets);
    }

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final Duration stallTimeout;

    /**
     * @param stallTimeout how long polls may return nothing while records remain before the
     *                     replay fails with {@link ReplayStalledException}
     */
    public LogReplayer(Supplier<Consumer<String, byte[]>> consumerFactory, List<String> topics, Duration pollTimeout,
                       Duration stallTimeout) {
        this.consumerFactory = consumerFactory;
        this.topics = List.copyOf(topics);
        this.pollTimeout = pollTimeout;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Replays the topics.
     *
     * @param startOffsets where to start per partition; a partition not named starts at its beginning
     * @return the number of records handed to the handler
     */
    public long replay(Map<TopicPartition, Long> startOffsets, BatchHandler handler, ReplayProgress progress) {
        try (Consumer<String, byte[]> consumer = consumerFactory.get()) {
            List<TopicPartition> partitions = partitionsOf(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginnings.get(partition), startOffsets.getOrDefault(partition, 0L));
                consumer.seek(partition, start);
            }
            LOG.info("Replaying topics={} partitions={} until the end offsets read now", topics, partitions.size());
            return pollUntilEnd(consumer, partitions, beginnings, ends, handler, progress);
        }
    }

    private List<TopicPartition> partitionsOf(Consumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                LOG.warn("Topic not found; it is left out of the replay topic={}", topic);
                continue;
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private long pollUntilEnd(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                              Map<TopicPartition, Long> beginnings, Map<TopicPartition, Long> ends,
                              BatchHandler handler, ReplayProgress progress) {
        long handled = 0;
        long total = partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum();
        Map<TopicPartition, Long> next = nextOffsets(consumer, partitions, ends);
        long lastProgress = System.nanoTime();
        progress.update(done(next, beginnings), total);
        while (!isAtEnd(next, ends)) {
            ConsumerRecords<String, byte[]> polled = consumer.poll(pollTimeout);
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    batch.add(record);
                }
            }
            Map<TopicPartition, Long> moved = nextOffsets(consumer, partitions, ends);
            handler.handle(batch, moved);
            handled += batch.size();

            if (moved.equals(next)) {
                if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                    throw new ReplayStalledException("The replay read nothing for " + stallTimeout.toSeconds()
                            + " s; positions " + next + ", end offsets " + ends);
                }
            } else {
                lastProgress = System.nanoTime();
            }
            next = moved;
            progress.update(done(next, beginnings), total);
        }
        return handled;
    }

    /** Returns each partition's position, capped at its end offset because later records are left out. */
    private static Map<TopicPartition, Long> nextOffsets(Consumer<String, byte[]> consumer,
                                                         List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            next.put(partition, Math.min(consumer.position(partition), ends.get(partition)));
        }
        return next;
    }

    private static boolean isAtEnd(Map<TopicPartition, Long> next, Map<TopicPartition, Long> ends) {
        return next.entrySet().stream().allMatch(entry -> entry.getValue() >= ends.get(entry.getKey()));
    }

    private static long done(Map<TopicPartition, Long> next, Map<TopicPartition, Long> beginnings) {
        return next.entrySet().stream().mapToLong(entry -> entry.getValue() - beginnings.get(entry.getKey())).sum();
    }
}
