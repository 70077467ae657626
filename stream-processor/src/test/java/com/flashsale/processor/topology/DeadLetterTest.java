package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderReserved;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.serde.StateSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad records reach the dead-letter topic through Kafka's built-in handlers, and processing goes on. */
class DeadLetterTest {

    private static final String SKU = "sku-1";

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults());
        harness.send(setStock(SKU, 10, 5));
        harness.stockEvents.readValue();
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    /**
     * NOTE: TopologyTestDriver in Kafka Streams 4.4.0 does not capture the dead-letter record of a
     * deserialization failure, so this test checks that processing goes on, and
     * StreamsPropertiesTest checks the configured handler's dead-letter record directly.
     */
    @Test
    void poisonRecordBetweenGoodOnesIsSkipped() {
        byte[] poison = new byte[64];
        new Random(42).nextBytes(poison);

        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE));
        harness.rawSubmissions.pipeInput(SKU, poison, DURING_SALE);
        harness.submit(submission("order-2", SKU, "user-2", 1, DURING_SALE));

        List<SpecificRecord> outcomes = harness.orderEvents.readValuesToList();
        assertThat(outcomes).hasSize(2).allMatch(OrderReserved.class::isInstance);
        assertThat(outcomes).extracting(event -> ((OrderReserved) event).getOrderId())
                .containsExactly("order-1", "order-2");
        assertThat(harness.stockEvents.readValuesToList()).hasSize(2).allMatch(StockChanged.class::isInstance);
        assertThat(harness.stockStore().get(SKU).reserved()).isEqualTo(2);
        assertDrained();
    }

    @Test
    void unexpectedEventTypeIsDeadLettered() {
        StockChanged wrongType = StockChanged.newBuilder()
                .setEventId("event-1")
                .setSkuId(SKU)
                .setOccurredAt(DURING_SALE)
                .setVersion(1)
                .setStock(1)
                .setAvailable(1)
                .setReserved(0)
                .setSold(0)
                .setPerUserLimit(1)
                .setSaleStart(DURING_SALE)
                .setSaleEnd(DURING_SALE)
                .build();

        harness.submissions.pipeInput(SKU, wrongType, DURING_SALE);
        harness.submit(submission("order-1", SKU, "user-1", 1, DURING_SALE));

        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);
        assertThat(harness.stockEvents.readValue()).isInstanceOf(StockChanged.class);
        TestRecord<byte[], byte[]> dead = harness.deadLetter.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(SKU);
        assertThat(headerText(dead, "__streams.errors.topic")).isEqualTo(TopologyHarness.TOPICS.orderSubmissions());
        assertThat(StateSerdes.EVENT.deserializer().deserialize("any", dead.value())).isEqualTo(wrongType);
        assertThat(headerText(dead, "__streams.errors.exception")).contains("UnexpectedEventException");
        assertDrained();
    }

    private static String headerText(TestRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("header %s", key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private void assertDrained() {
        assertThat(harness.orderEvents.isEmpty()).as("order-events drained").isTrue();
        assertThat(harness.stockEvents.isEmpty()).as("stock-events drained").isTrue();
        assertThat(harness.deadLetter.isEmpty()).as("dead-letter drained").isTrue();
    }
}
