package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.launcher.bench.stages.BenchEvents.Destination;
import com.flashsale.launcher.bench.stages.BenchEvents.TopicEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00.123456Z");

    private final BenchEvents events = new BenchEvents(NOW);

    @Test
    void submissionsSpreadRoundRobinOverSkus() {
        List<TopicEvent> submissions = events.submissions(10, 4);

        assertThat(submissions).hasSize(10);
        assertThat(submissions).allMatch(event -> event.destination() == Destination.ORDER_SUBMISSIONS);
        assertThat(submissions).allMatch(event -> event.key().equals(((OrderSubmitted) event.event()).getSkuId()));
        assertThat(submissions.stream().map(TopicEvent::key).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("bench-sku-0", "bench-sku-1", "bench-sku-2", "bench-sku-3");
    }

    @Test
    void submissionsHaveDistinctOrdersAndUsers() {
        List<OrderSubmitted> submissions = events.submissions(1_000, 1).stream()
                .map(event -> (OrderSubmitted) event.event())
                .toList();

        assertThat(submissions.stream().map(OrderSubmitted::getOrderId).distinct()).hasSize(1_000);
        assertThat(submissions.stream().map(OrderSubmitted::getUserId).distinct()).hasSize(1_000);
        assertThat(submissions.stream().map(OrderSubmitted::getEventId).distinct()).hasSize(1_000);
        assertThat(submissions).allMatch(submission -> submission.getQuantity() == 1);
    }

    @Test
    void stockLoadsOpenSaleAroundNow() {
        List<TopicEvent> loads = events.stockLoads(3, 50);

        assertThat(loads).hasSize(3);
        for (TopicEvent load : loads) {
            SetStock stock = (SetStock) load.event();
            assertThat(load.destination()).isEqualTo(Destination.STOCK_COMMANDS);
            assertThat(load.key()).isEqualTo(stock.getSkuId());
            assertThat(stock.getStock()).isEqualTo(50);
            assertThat(stock.getSaleStart()).isBefore(NOW);
            assertThat(stock.getSaleEnd()).isAfter(NOW);
        }
    }

    @Test
    void saleOutcomesHaveDocumentedMix() {
        List<TopicEvent> outcomes = events.saleOutcomes(20, 4);

        Map<Class<?>, Long> byType = outcomes.stream()
                .collect(Collectors.groupingBy(event -> event.event().getClass(), Collectors.counting()));
        assertThat(outcomes).hasSize(48);
        assertThat(byType).containsEntry(OrderSubmitted.class, 20L)
                .containsEntry(OrderRejected.class, 4L)
                .containsEntry(OrderReserved.class, 16L)
                .containsEntry(OrderConfirmed.class, 4L)
                .containsEntry(OrderExpired.class, 4L);
    }

    @Test
    void saleOutcomesKeyOrderEventsByOrderId() {
        List<TopicEvent> outcomes = events.saleOutcomes(20, 4);

        Set<String> orderIds = outcomes.stream()
                .filter(event -> event.destination() == Destination.ORDER_SUBMISSIONS)
                .map(event -> ((OrderSubmitted) event.event()).getOrderId())
                .collect(Collectors.toSet());
        List<TopicEvent> orderEvents = outcomes.stream()
                .filter(event -> event.destination() == Destination.ORDER_EVENTS)
                .toList();
        assertThat(orderEvents).hasSize(28);
        assertThat(orderEvents).allMatch(event -> orderIds.contains(event.key()));
    }

    @Test
    void everyOutcomeMapsToOrderRow() {
        List<TopicEvent> outcomes = events.saleOutcomes(20, 4);

        Map<String, Long> statuses = outcomes.stream()
                .map(event -> OrderRowChange.of(event.event()).orElseThrow())
                .collect(Collectors.groupingBy(OrderRowChange::status, Collectors.counting()));
        assertThat(statuses).containsEntry("SUBMITTED", 20L).containsEntry("REJECTED", 4L)
                .containsEntry("RESERVED", 16L).containsEntry("CONFIRMED", 4L).containsEntry("EXPIRED", 4L);
    }

    @Test
    void eventsRoundTripThroughCodec() {
        EventCodec codec = EventCodec.get();

        List<TopicEvent> outcomes = events.saleOutcomes(20, 4);

        Function<TopicEvent, Object> roundTrip = event -> codec.decode(codec.encode(event.event()));
        assertThat(outcomes).allMatch(event -> roundTrip.apply(event).equals(event.event()));
        assertThat(((OrderSubmitted) outcomes.get(0).event()).getOccurredAt()).isEqualTo(NOW.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
    }
}
