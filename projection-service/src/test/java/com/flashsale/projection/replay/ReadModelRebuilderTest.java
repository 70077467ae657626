package com.flashsale.projection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.serde.EventCodec;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.RebuildOffset;
import com.flashsale.projection.db.RebuildProgressDao;
import com.flashsale.projection.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
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

class ReadModelRebuilderTest {

    private static final String TOPIC = "flashsale.order-events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final TestEvents order = new TestEvents("order-1", "sku-1", "alice", 1);
    private final List<SpecificRecord> log = List.of(order.submitted(1), order.reserved(2),
            TestEvents.stockChanged("sku-1", 1, 9, 1, 0), order.confirmed(3));
    private TestDatabase database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.h2();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private ReadModelRebuilder rebuilder() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) log.size()));
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < log.size(); offset++) {
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "order-1", EventCodec.get().encode(log.get(offset))));
            }
        });
        LogReplayer replayer = new LogReplayer(() -> consumer, List.of(TOPIC), Duration.ofMillis(10), Duration.ofSeconds(10));
        return new ReadModelRebuilder(replayer, database.jdbi());
    }

    @Test
    void freshRebuildReplacesStaleRows() {
        new EventApplier(database.jdbi(), Clock.systemUTC()).apply(new TestEvents("stale", "sku-1", "bob", 1).submitted(1));

        ReadModelRebuilder.Result result = rebuilder().rebuild(ReplayProgress.NONE);

        OrderDao orders = database.jdbi().onDemand(OrderDao.class);
        assertThat(result.resumed()).isFalse();
        assertThat(result.records()).isEqualTo(4);
        assertThat(orders.findById("stale")).isEmpty();
        assertThat(orders.findById("order-1").orElseThrow().status()).isEqualTo("CONFIRMED");
        assertThat(orders.findById("order-1").orElseThrow().version()).isEqualTo(3);
        assertThat(database.jdbi().onDemand(RebuildProgressDao.class).findAll()).isEmpty();
    }

    @Test
    void interruptedRebuildResumesFromStoredOffset() {
        EventApplier applier = new EventApplier(database.jdbi(), Clock.systemUTC());
        applier.apply(order.submitted(1));
        applier.apply(order.reserved(2));
        database.jdbi().onDemand(RebuildProgressDao.class).save(List.of(new RebuildOffset(TOPIC, 0, 2)));

        ReadModelRebuilder.Result result = rebuilder().rebuild(ReplayProgress.NONE);

        assertThat(result.resumed()).isTrue();
        assertThat(result.records()).isEqualTo(2);
        assertThat(database.jdbi().onDemand(OrderDao.class).findById("order-1").orElseThrow().version()).isEqualTo(3);
        assertThat(database.jdbi().onDemand(RebuildProgressDao.class).findAll()).isEmpty();
    }

    @Test
    void progressBarShowsRecordsDoneAndTotal() {
        assertThat(ProgressBar.render(5, 20)).isEqualTo("[##########..............................] 5/20 records (25%)");
        assertThat(ProgressBar.render(0, 0)).endsWith("0/0 records (100%)");
    }
}
