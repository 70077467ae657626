package com.flashsale.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.db.SkuRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelComparatorTest {

    private static OrderRow order(String orderId, String status, long version) {
        return new OrderRow(orderId, "alice", "sku-1", 2, status, null, version, 2, TestEvents.at(1),
                TestEvents.at(2), TestEvents.at(602), "client-1");
    }

    private static SkuRow sku(String skuId, long available, long reserved) {
        return new SkuRow(skuId, 10, available, reserved, 10 - available - reserved, 2, TestEvents.T0,
                TestEvents.T0.plusSeconds(60), 3, TestEvents.at(5));
    }

    @Test
    void equalReadModelsHaveNoDifferences() {
        List<OrderRow> orders = List.of(order("o-1", "RESERVED", 2), order("o-2", "CONFIRMED", 3));

        assertThat(ReadModelComparator.compareOrders(orders, List.copyOf(orders))).isEmpty();
        assertThat(ReadModelComparator.compareSkus(List.of(sku("sku-1", 8, 2)), List.of(sku("sku-1", 8, 2)))).isEmpty();
    }

    @Test
    void changedOrderFieldsAreNamed() {
        List<Difference> differences = ReadModelComparator.compareOrders(
                List.of(order("o-1", "RESERVED", 2)), List.of(order("o-1", "CONFIRMED", 3)));

        assertThat(differences).containsExactly(
                new Difference("orders", "o-1", "status", "RESERVED", "CONFIRMED"),
                new Difference("orders", "o-1", "version", "2", "3"));
    }

    @Test
    void updateTimeIsNotCompared() {
        OrderRow replayed = order("o-1", "RESERVED", 2);
        OrderRow live = new OrderRow("o-1", "alice", "sku-1", 2, "RESERVED", null, 2, 2, TestEvents.at(1),
                TestEvents.at(99), TestEvents.at(602), "client-1");

        assertThat(ReadModelComparator.compareOrders(List.of(replayed), List.of(live))).isEmpty();
    }

    @Test
    void rowsOnOneSideOnlyAreDifferences() {
        List<Difference> differences = ReadModelComparator.compareOrders(
                List.of(order("o-1", "RESERVED", 2)), List.of(order("o-2", "RESERVED", 2)));

        assertThat(differences).containsExactly(
                new Difference("orders", "o-1", Difference.ROW, Difference.PRESENT, Difference.MISSING),
                new Difference("orders", "o-2", Difference.ROW, Difference.MISSING, Difference.PRESENT));
    }

    @Test
    void changedSkuCountsAreNamed() {
        List<Difference> differences = ReadModelComparator.compareSkus(
                List.of(sku("sku-1", 8, 2)), List.of(sku("sku-1", 7, 2)));

        assertThat(differences).extracting(Difference::field).containsExactly("available", "sold");
        assertThat(differences).extracting(Difference::id).containsOnly("sku-1");
    }
}
