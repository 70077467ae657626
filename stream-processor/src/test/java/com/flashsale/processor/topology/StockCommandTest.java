package com.flashsale.processor.topology;

import static com.flashsale.processor.topology.Events.DURING_SALE;
import static com.flashsale.processor.topology.Events.adjustStock;
import static com.flashsale.processor.topology.Events.setStock;
import static com.flashsale.processor.topology.Events.submission;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderReserved;
import com.flashsale.events.SetStock;
import com.flashsale.events.StockChanged;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StockCommandTest {

    private static final String SKU = "sku-1";

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults());
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void setStockLoadsSale() {
        SetStock command = setStock(SKU, 7, 2);

        harness.send(command);

        TestRecord<String, SpecificRecord> record = harness.stockEvents.readRecord();
        assertThat(record.key()).isEqualTo(SKU);
        StockChanged changed = (StockChanged) record.value();
        assertThat(changed.getVersion()).isEqualTo(1);
        assertThat(changed.getStock()).isEqualTo(7);
        assertThat(changed.getAvailable()).isEqualTo(7);
        assertThat(changed.getReserved()).isZero();
        assertThat(changed.getSold()).isZero();
        assertThat(changed.getPerUserLimit()).isEqualTo(2);
        assertThat(changed.getSaleStart()).isEqualTo(command.getSaleStart());
        assertThat(changed.getSaleEnd()).isEqualTo(command.getSaleEnd());
        assertThat(changed.getOrderId()).isNull();
        assertThat(changed.getUserId()).isEqualTo(Events.MERCHANT);
        assertThat(changed.getCausationId()).isEqualTo(command.getEventId());
        assertThat(changed.getOccurredAt()).isEqualTo(command.getOccurredAt());
        assertThat(harness.stockStore().get(SKU)).isEqualTo(new SkuStock(7, 7, 0, 0, 2,
                command.getSaleStart().toEpochMilli(), command.getSaleEnd().toEpochMilli(), 1));
        assertDrained();
    }

    @Test
    void setStockBelowReservedPlusSoldIsRejected() {
        harness.send(setStock(SKU, 5, 5));
        harness.submit(submission("order-1", SKU, "user-1", 3, DURING_SALE));
        harness.stockEvents.readValuesToList();
        harness.orderEvents.readValuesToList();
        SkuStock before = harness.stockStore().get(SKU);

        harness.send(setStock(SKU, 2, 5));

        assertThat(harness.stockStore().get(SKU)).isEqualTo(before);
        assertThat(harness.counter("stock-command-rejected-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void setStockKeepsReservationsAndRecomputesAvailable() {
        harness.send(setStock(SKU, 5, 5));
        harness.submit(submission("order-1", SKU, "user-1", 3, DURING_SALE));
        harness.stockEvents.readValuesToList();
        assertThat(harness.orderEvents.readValue()).isInstanceOf(OrderReserved.class);

        harness.send(setStock(SKU, 3, 4));

        StockChanged changed = (StockChanged) harness.stockEvents.readValue();
        assertThat(changed.getVersion()).isEqualTo(3);
        assertThat(changed.getStock()).isEqualTo(3);
        assertThat(changed.getAvailable()).isZero();
        assertThat(changed.getReserved()).isEqualTo(3);
        assertThat(changed.getPerUserLimit()).isEqualTo(4);
        assertDrained();
    }

    @Test
    void setStockWithEmptySaleWindowIsRejected() {
        SetStock command = setStock(SKU, 5, 5);
        command.setSaleEnd(command.getSaleStart());

        harness.send(command);

        assertThat(harness.stockStore().get(SKU)).isNull();
        assertThat(harness.counter("stock-command-rejected-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void adjustStockAddsAndRemovesUnits() {
        harness.send(setStock(SKU, 5, 5));
        harness.stockEvents.readValue();

        harness.send(adjustStock(SKU, 4));
        harness.send(adjustStock(SKU, -6));

        StockChanged raised = (StockChanged) harness.stockEvents.readValue();
        assertThat(raised.getVersion()).isEqualTo(2);
        assertThat(raised.getStock()).isEqualTo(9);
        assertThat(raised.getAvailable()).isEqualTo(9);
        StockChanged lowered = (StockChanged) harness.stockEvents.readValue();
        assertThat(lowered.getVersion()).isEqualTo(3);
        assertThat(lowered.getStock()).isEqualTo(3);
        assertThat(lowered.getAvailable()).isEqualTo(3);
        assertDrained();
    }

    @Test
    void adjustStockBelowReservedIsRejected() {
        harness.send(setStock(SKU, 5, 5));
        harness.submit(submission("order-1", SKU, "user-1", 4, DURING_SALE));
        harness.stockEvents.readValuesToList();
        harness.orderEvents.readValuesToList();

        harness.send(adjustStock(SKU, -2));
        harness.send(adjustStock(SKU, -1));

        StockChanged lowered = (StockChanged) harness.stockEvents.readValue();
        assertThat(lowered.getStock()).isEqualTo(4);
        assertThat(lowered.getAvailable()).isZero();
        assertThat(lowered.getReserved()).isEqualTo(4);
        assertThat(harness.counter("stock-command-rejected-total")).isEqualTo(1.0);
        assertDrained();
    }

    @Test
    void adjustStockOfUnloadedSkuIsRejected() {
        harness.send(adjustStock(SKU, 3));

        assertThat(harness.stockStore().get(SKU)).isNull();
        assertThat(harness.counter("stock-command-rejected-total")).isEqualTo(1.0);
        assertDrained();
    }

    private void assertDrained() {
        assertThat(harness.orderEvents.isEmpty()).as("order-events drained").isTrue();
        assertThat(harness.stockEvents.isEmpty()).as("stock-events drained").isTrue();
        assertThat(harness.deadLetter.isEmpty()).as("dead-letter empty").isTrue();
    }
}
