package com.flashsale.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.StockChanged;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.TestDatabase;
import com.flashsale.projection.replay.LogReplayer;
import com.flashsale.projection.replay.ReplayProgress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit over a mock consumer that serves a small log, with the live read model on H2. */
class AuditorTest {

    private static final String TOPIC = "flashsale.order-events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final TestEvents alice = new TestEvents("order-🐼", "sku-1", "alice", 2);
    private final TestEvents bob = new TestEvents("order-b", "sku-1", "bob", 1);
    private TestDatabase live;
    private TestDatabase replay;

    @BeforeEach
    void openDatabases() {
        live = TestDatabase.h2();
        replay = TestDatabase.h2();
    }

    @AfterEach
    void closeDatabases() {
        live.close();
        replay.close();
    }

    private List<SpecificRecord> log() {
        return List.of(TestEvents.stockChanged("sku-1", 1, 10, 0, 0), alice.submitted(1), alice.reserved(2),
                TestEvents.stockChanged("sku-1", 2, 8, 2, 0), bob.submitted(3), bob.reserved(4),
                TestEvents.stockChanged("sku-1", 3, 7, 3, 0), bob.confirmed(5),
                TestEvents.stockChanged("sku-1", 4, 7, 2, 1));
    }

    private static LogReplayer replayerOf(List<byte[]> values) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) values.size()));
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < values.size(); offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "key", values.get(offset)));
            }
        });
        return new LogReplayer(() -> consumer, List.of(TOPIC), Duration.ofMillis(10), Duration.ofSeconds(10));
    }

    private static List<byte[]> encode(List<SpecificRecord> events) {
        List<byte[]> values = new ArrayList<>();
        events.forEach(event -> values.add(EventCodec.get().encode(event)));
        return values;
    }

    private void applyLive(List<SpecificRecord> events) {
        EventApplier applier = new EventApplier(live.jdbi(), Clock.systemUTC());
        events.forEach(applier::apply);
    }

    private AuditReport audit(List<byte[]> values) {
        return new Auditor(replayerOf(values), replay.jdbi(), live.jdbi()).run(ReplayProgress.NONE);
    }

    @Test
    void matchingReadModelIsClean() {
        applyLive(log());

        AuditReport report = audit(encode(log()));

        assertThat(report.isClean()).as(report.toText()).isTrue();
        assertThat(report.records()).isEqualTo(9);
        assertThat(report.replayedOrders()).isEqualTo(2);
        assertThat(report.liveOrders()).isEqualTo(2);
        assertThat(report.openOrders()).isEqualTo(1);
        assertThat(report.toText()).contains("Result: CLEAN");
    }

    @Test
    void alteredLiveRowFailsAndNamesOrder() {
        applyLive(log());
        live.jdbi().useHandle(handle -> handle.execute("UPDATE orders SET status = 'CONFIRMED' WHERE order_id = ?",
                alice.submitted(1).getOrderId()));

        AuditReport report = audit(encode(log()));

        assertThat(report.isClean()).isFalse();
        assertThat(report.differences()).containsExactly(
                new Difference("orders", "order-🐼", "status", "RESERVED", "CONFIRMED"));
        assertThat(report.toText()).contains("orders order-🐼 status: replayed RESERVED, live CONFIRMED")
                .contains("Result: FAILED");
    }

    @Test
    void undecodableRecordIsCountedAndSkipped() {
        applyLive(log());
        List<byte[]> values = new ArrayList<>(encode(log()));
        values.add(3, "not avro".getBytes(StandardCharsets.UTF_8));

        AuditReport report = audit(values);

        assertThat(report.undecodableRecords()).isEqualTo(1);
        assertThat(report.isClean()).as(report.toText()).isTrue();
    }

    @Test
    void violationInLogFailsAudit() {
        List<SpecificRecord> oversold = List.of(TestEvents.stockChanged("sku-1", 1, 10, 0, 0),
                new StockChanged("sku-1/stock-2", null, "sku-1", null, TestEvents.at(2), null, 2L,
                        10L, 0L, 3L, 8L, 2, TestEvents.T0, TestEvents.T0.plusSeconds(3600)));
        applyLive(oversold);

        AuditReport report = audit(encode(oversold));

        assertThat(report.isClean()).isFalse();
        assertThat(report.violations()).extracting(Violation::kind).contains(Violation.Kind.OVERSOLD);
        assertThat(report.differences()).isEmpty();
    }
}
