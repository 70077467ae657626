package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void cleanSaleReportsNoProblems() {
        List<SubmissionResult> submissions = List.of(
                accepted("alice", "r1", "o1", 0),
                accepted("alice", "r1", "o1", 5),
                accepted("bob", "r2", "o2", 0));
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 1, OrderStatuses.RESERVED, null),
                "o2", observation("o2", "sku-a", 1, OrderStatuses.REJECTED, "SOLD_OUT"));

        DemoReport report = ReportBuilder.build(1, 2, stock("sku-a", 1), submissions, finals, finals.values(),
                Map.of("sku-a", new SkuReport.SkuCounts(0, 1, 0)));

        assertThat(report.responses202()).isEqualTo(3);
        assertThat(report.acceptedOrders()).isEqualTo(2);
        assertThat(report.rejectedByReason()).containsExactly(Map.entry("SOLD_OUT", 1L));
        assertThat(report.oversoldUnits()).isZero();
        assertThat(report.duplicateOrders()).isZero();
        assertThat(report.unfinishedOrders()).isZero();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void unitsBeyondStockInOrdersCountAsOversold() {
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 2, OrderStatuses.RESERVED, null),
                "o2", observation("o2", "sku-a", 1, OrderStatuses.CONFIRMED, null));

        List<SkuReport> skus = ReportBuilder.skuReports(stock("sku-a", 2), finals,
                Map.of("sku-a", new SkuReport.SkuCounts(0, 2, 0)));

        assertThat(skus.get(0).unitsHeldByOrders()).isEqualTo(3);
        assertThat(skus.get(0).oversoldUnits()).isEqualTo(1);
    }

    @Test
    void projectionCountsBeyondStockCountAsOversold() {
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 1, OrderStatuses.RESERVED, null));

        List<SkuReport> skus = ReportBuilder.skuReports(stock("sku-a", 1), finals,
                Map.of("sku-a", new SkuReport.SkuCounts(0, 1, 2)));

        assertThat(skus.get(0).oversoldUnits()).isEqualTo(2);
    }

    @Test
    void rejectedOrdersHoldNoUnits() {
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 5, OrderStatuses.REJECTED, "SOLD_OUT"));

        List<SkuReport> skus = ReportBuilder.skuReports(stock("sku-a", 1), finals, Map.of());

        assertThat(skus.get(0).unitsHeldByOrders()).isZero();
        assertThat(skus.get(0).oversoldUnits()).isZero();
        assertThat(skus.get(0).reserved()).isNull();
    }

    @Test
    void twoOrderIdsForOneRequestCountAsDuplicate() {
        List<SubmissionResult> submissions = List.of(
                accepted("alice", "r1", "o1", 0),
                accepted("alice", "r1", "o9", 1),
                accepted("bob", "r1", "o2", 0));

        long duplicates = ReportBuilder.duplicateOrders(submissions, Map.of(), List.of());

        assertThat(duplicates).isEqualTo(1);
    }

    @Test
    void changedOutcomeCountsAsDuplicate() {
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 1, OrderStatuses.RESERVED, null),
                "o2", observation("o2", "sku-a", 1, OrderStatuses.REJECTED, "SOLD_OUT"),
                "o3", observation("o3", "sku-a", 1, OrderStatuses.RESERVED, null));
        List<OrderObservation> recheck = List.of(
                observation("o1", "sku-a", 1, OrderStatuses.REJECTED, "SOLD_OUT"),
                observation("o2", "sku-a", 1, OrderStatuses.REJECTED, "LIMIT_EXCEEDED"),
                observation("o3", "sku-a", 1, OrderStatuses.CONFIRMED, null));

        long duplicates = ReportBuilder.duplicateOrders(List.of(), finals, recheck);

        assertThat(duplicates).isEqualTo(2);
    }

    @Test
    void acceptedOrderWithoutFinalStatusIsUnfinished() {
        List<SubmissionResult> submissions = List.of(accepted("alice", "r1", "o1", 0), accepted("bob", "r2", "o2", 0));
        Map<String, OrderObservation> finals = Map.of(
                "o1", observation("o1", "sku-a", 1, OrderStatuses.RESERVED, null));

        DemoReport report = ReportBuilder.build(1, 2, stock("sku-a", 5), submissions, finals, finals.values(), Map.of());

        assertThat(report.unfinishedOrders()).isEqualTo(1);
        assertThat(report.passed()).isFalse();
    }

    @Test
    void failedSubmissionsAreCountedByStatus() {
        PlannedOrder order = new PlannedOrder("alice", "sku-a", 1, "r1", Delivery.ONCE);
        List<SubmissionResult> submissions = List.of(
                new SubmissionResult(order, 503, null, T0, 0, 6),
                new SubmissionResult(order, SubmissionResult.NO_RESPONSE, null, T0, 0, 6),
                new SubmissionResult(order, 400, null, T0, 0, 1));

        DemoReport report = ReportBuilder.build(1, 1, stock("sku-a", 5), submissions, Map.of(), List.of(), Map.of());

        assertThat(report.failedSubmissions()).containsEntry("503", 1L).containsEntry("0", 1L).containsEntry("400", 1L);
        assertThat(report.httpRequests()).isEqualTo(13);
        assertThat(report.acceptedOrders()).isZero();
    }

    @Test
    void finalLatencyRunsFromFirstSendToProjectionUpdate() {
        List<SubmissionResult> submissions = List.of(accepted("alice", "r1", "o1", 0), accepted("alice", "r1", "o1", 40));
        Map<String, OrderObservation> finals = Map.of("o1", new OrderObservation("o1", "sku-a", 1,
                OrderStatuses.RESERVED, null, T0.plusMillis(120), T0.plusMillis(900)));

        DemoReport report = ReportBuilder.build(1, 1, stock("sku-a", 5), submissions, finals, finals.values(), Map.of());

        assertThat(report.finalLatency().maxMillis()).isEqualTo(120.0);
    }

    private static SubmissionResult accepted(String shopper, String requestId, String orderId, long sentAfterMillis) {
        PlannedOrder order = new PlannedOrder(shopper, "sku-a", 1, requestId, Delivery.ONCE);
        return new SubmissionResult(order, 202, orderId, T0.plusMillis(sentAfterMillis), 3_000_000, 1);
    }

    private static OrderObservation observation(String orderId, String skuId, int quantity, String status,
            String reason) {
        return new OrderObservation(orderId, skuId, quantity, status, reason, T0.plusMillis(50), T0.plusMillis(60));
    }

    private static Map<String, Long> stock(String skuId, long units) {
        Map<String, Long> stock = new LinkedHashMap<>();
        stock.put(skuId, units);
        return stock;
    }
}
