package com.flashsale.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Meter;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.ViewChange;
import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.db.TestDatabase;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionConsumerTest {

    private static final String TOPIC = "flashsale.order-events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final TestEvents order = new TestEvents("order-1", "sku-1", "alice", 1);
    private final List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();
    private final MockConsumer<String, byte[]> kafka = new RewindableConsumer(log);
    private final Meter skipped = new Meter();
    private TestDatabase database;
    private ProjectionConsumer consumer;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.h2();
        kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @AfterEach
    void stopAndClose() throws InterruptedException {
        if (consumer != null) {
            consumer.stop();
        }
        database.close();
    }

    private void start(EventApplier applier, List<byte[]> values) {
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(PARTITION));
            for (int offset = 0; offset < values.size(); offset++) {
                log.add(new ConsumerRecord<>(TOPIC, 0, offset, "order-1", values.get(offset)));
            }
            log.forEach(kafka::addRecord);
        });
        consumer = new ProjectionConsumer(() -> kafka, List.of(TOPIC), Duration.ofMillis(10), Duration.ofMillis(10),
                Duration.ofMillis(40),
                new BatchApplier(EventCodec.get(), applier, skipped,
                        new ProjectionMetrics(new PrometheusRegistry(), Clock.systemUTC())),
                Clock.systemUTC());
        consumer.start();
    }

    /**
     * Mock consumer that redelivers after a seek. MockConsumer hands out each added record once, but
     * a real consumer fetches again from the position a seek sets, so this one adds those records back.
     */
    private static final class RewindableConsumer extends MockConsumer<String, byte[]> {

        private final List<ConsumerRecord<String, byte[]>> log;

        RewindableConsumer(List<ConsumerRecord<String, byte[]>> log) {
            super("earliest");
            this.log = log;
        }

        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            super.seek(partition, offset);
            log.stream()
                    .filter(record -> record.partition() == partition.partition() && record.offset() >= offset)
                    .forEach(this::addRecord);
        }

        /** Waits out the timeout on an empty poll, as a real consumer does, instead of spinning. */
        @Override
        public ConsumerRecords<String, byte[]> poll(Duration timeout) {
            ConsumerRecords<String, byte[]> records = super.poll(timeout);
            if (records.isEmpty()) {
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return records;
        }
    }

    private static byte[] encode(SpecificRecord event) {
        return EventCodec.get().encode(event);
    }

    private long committedOffset() {
        OffsetAndMetadata committed = kafka.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? -1 : committed.offset();
    }

    private OrderRow storedOrder() {
        return database.jdbi().onDemand(OrderDao.class).findById("order-1").orElseThrow();
    }

    @Test
    void undecodableRecordIsSkippedAndCounted() {
        EventApplier applier = new EventApplier(database.jdbi(), Clock.systemUTC());
        List<byte[]> values = List.of(encode(order.submitted(1)), "not avro".getBytes(StandardCharsets.UTF_8),
                encode(order.reserved(2)));

        start(applier, values);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffset() == 3);
        assertThat(skipped.getCount()).isEqualTo(1);
        assertThat(storedOrder().status()).isEqualTo("RESERVED");
        assertThat(storedOrder().version()).isEqualTo(2);
    }

    @Test
    void databaseFailureRetriesWithoutSkippingOrCommitting() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger committedDuringFailures = new AtomicInteger(-1);
        EventApplier applier = new EventApplier(database.jdbi(), Clock.systemUTC()) {
            @Override
            public List<Outcome> applyAll(List<ViewChange> changes) {
                // The first two attempts at the batch fail, as if the database were briefly down.
                int call = calls.incrementAndGet();
                if (call <= 2) {
                    committedDuringFailures.set((int) committedOffset());
                    throw new ConnectionException(new java.sql.SQLException("database is down"));
                }
                return super.applyAll(changes);
            }
        };
        List<byte[]> values = List.of(encode(order.submitted(1)), encode(order.reserved(2)), encode(order.confirmed(3)));

        start(applier, values);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffset() == 3);
        assertThat(committedDuringFailures.get()).isEqualTo(-1);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(skipped.getCount()).isZero();
        assertThat(storedOrder().status()).isEqualTo("CONFIRMED");
        assertThat(storedOrder().version()).isEqualTo(3);
        assertThat(consumer.status().lastApplyFailure()).isEmpty();
        assertThat(consumer.status().isRunning()).isTrue();
    }

    @Test
    void statusReportsStoppedThread() throws InterruptedException {
        start(new EventApplier(database.jdbi(), Clock.systemUTC()), List.of());

        consumer.stop();

        assertThat(consumer.status().isRunning()).isFalse();
        consumer = null;
    }
}
