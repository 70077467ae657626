package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LatePaymentCheck LATE_PAYMENT_OK = new LatePaymentCheck("o9", 202, OrderStatuses.EXPIRED,
            200, true);

    @Test
    void cleanSaleReportsNoProblems() {
        List<SubmissionResult> submissions = List.of(
                accepted("alice", "r1", "o1", 0),
                accepted("alice", "r1", "o1", 5),
                accepted("bob", "r2", "o2", 0),
                accepted("carol", "r3", "o3", 0));
        Map<String, OrderTrace> traces = Map.of(
                "o1", reservedThen("o1", 1, HoldAction.PAY, OrderStatuses.CONFIRMED),
                "o2", decidedFinal("o2", OrderStatuses.REJECTED, "SOLD_OUT"),
                "o3", reservedThen("o3", 1, HoldAction.LET_EXPIRE, OrderStatuses.EXPIRED));

        DemoReport report = ReportBuilder.build(1, 3, sale(stock("sku-a", 2), submissions, traces,
                Map.of("sku-a", new SkuReport.SkuCounts(1, 0, 1))));

        assertThat(report.responses202()).isEqualTo(4);
        assertThat(report.acceptedOrders()).isEqualTo(3);
        assertThat(report.decisions()).containsEntry(OrderStatuses.RESERVED, 2L).containsEntry(OrderStatuses.REJECTED, 1L);
        assertThat(report.rejectedByReason()).containsExactly(Map.entry("SOLD_OUT", 1L));
        assertThat(report.oversoldUnits()).isZero();
        assertThat(report.duplicateOrders()).isZero();
        assertThat(report.unfinishedOrders()).isZero();
        assertThat(report.skus().get(0).problems()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void terminalStatusesAreCountedSeparately() {
        Map<String, OrderTrace> traces = Map.of(
                "o1", reservedThen("o1", 1, HoldAction.PAY, OrderStatuses.CONFIRMED),
                "o2", reservedThen("o2", 1, HoldAction.CANCEL, OrderStatuses.CANCELLED),
                "o3", reservedThen("o3", 1, HoldAction.LET_EXPIRE, OrderStatuses.EXPIRED),
                "o4", reservedThen("o4", 1, HoldAction.LET_EXPIRE, OrderStatuses.EXPIRED),
                "o5", decidedFinal("o5", OrderStatuses.REJECTED, "LIMIT_EXCEEDED"));

        DemoReport report = ReportBuilder.build(1, 5, sale(stock("sku-a", 5), List.of(), traces,
                Map.of("sku-a", new SkuReport.SkuCounts(4, 0, 1))));

        assertThat(report.ordersByStatus()).containsOnly(
                Map.entry(OrderStatuses.CONFIRMED, 1L),
                Map.entry(OrderStatuses.CANCELLED, 1L),
                Map.entry(OrderStatuses.EXPIRED, 2L),
                Map.entry(OrderStatuses.REJECTED, 1L),
                Map.entry(OrderStatuses.DEAD_LETTERED, 1L));
        assertThat(report.holdActions()).containsOnly(
                Map.entry("PAY", 1L), Map.entry("CANCEL", 1L), Map.entry("LET_EXPIRE", 2L));
        assertThat(report.skus().get(0).confirmedUnits()).isEqualTo(1);
    }

    @Test
    void paymentAfterExpiryCountsAsRejected() {
        Map<String, OrderTrace> traces = Map.of(
                "o1", reservedThen("o1", 1, HoldAction.PAY, OrderStatuses.EXPIRED),
                "o2", reservedThen("o2", 1, HoldAction.PAY, OrderStatuses.CONFIRMED));

        DemoReport report = ReportBuilder.build(1, 2, sale(stock("sku-a", 5), List.of(), traces,
                Map.of("sku-a", new SkuReport.SkuCounts(4, 0, 1))));

        assertThat(report.paymentsRejected()).isEqualTo(2);
    }

    @Test
    void reservationThatStillHoldsIsUnfinished() {
        List<SubmissionResult> submissions = List.of(accepted("alice", "r1", "o1", 0), accepted("bob", "r2", "o2", 0));
        OrderObservation reserved = observation("o1", OrderStatuses.RESERVED, null);
        Map<String, OrderTrace> traces = Map.of(
                "o1", new OrderTrace("o1", "alice", reserved, null, reserved, HoldAction.LET_EXPIRE, null),
                "o2", decidedFinal("o2", OrderStatuses.REJECTED, "SOLD_OUT"));

        DemoReport report = ReportBuilder.build(1, 2, sale(stock("sku-a", 5), submissions, traces, Map.of()));

        assertThat(report.unfinishedOrders()).isEqualTo(1);
        assertThat(report.unfinishedSamples()).containsExactly("o1 (last status RESERVED)");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void acceptedOrderNeverTrackedIsUnfinished() {
        List<SubmissionResult> submissions = List.of(accepted("alice", "r1", "o1", 0));

        DemoReport report = ReportBuilder.build(1, 1, sale(stock("sku-a", 5), submissions, Map.of(), Map.of()));

        assertThat(report.unfinishedOrders()).isEqualTo(1);
        assertThat(report.unfinishedSamples()).containsExactly("o1 (never tracked)");
    }

    @Test
    void unitsBeyondStockInConfirmedOrdersCountAsOversold() {
        List<OrderObservation> finals = List.of(
                observation("o1", "sku-a", 2, OrderStatuses.CONFIRMED, null),
                observation("o2", "sku-a", 1, OrderStatuses.CONFIRMED, null));

        List<SkuReport> skus = ReportBuilder.skuReports(stock("sku-a", 2), finals,
                Map.of("sku-a", new SkuReport.SkuCounts(0, 0, 2)));

        assertThat(skus.get(0).confirmedUnits()).isEqualTo(3);
        assertThat(skus.get(0).oversoldUnits()).isEqualTo(1);
        assertThat(skus.get(0).passed()).isFalse();
    }

    @Test
    void expiredAndCancelledOrdersHoldNoUnits() {
        List<OrderObservation> finals = List.of(
                observation("o1", "sku-a", 2, OrderStatuses.EXPIRED, null),
                observation("o2", "sku-a", 1, OrderStatuses.CANCELLED, null),
                observation("o3", "sku-a", 5, OrderStatuses.REJECTED, "SOLD_OUT"));

        List<SkuReport> skus = ReportBuilder.skuReports(stock("sku-a", 3), finals,
                Map.of("sku-a", new SkuReport.SkuCounts(3, 0, 0)));

        assertThat(skus.get(0).confirmedUnits()).isZero();
        assertThat(skus.get(0).passed()).isTrue();
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
    void rejectionAfterReservationCountsAsDuplicate() {
        OrderObservation reserved = observation("o1", OrderStatuses.RESERVED, null);
        OrderObservation rejected = observation("o1", OrderStatuses.REJECTED, "SOLD_OUT");
        Map<String, OrderTrace> traces = Map.of(
                "o1", new OrderTrace("o1", "alice", reserved, rejected, rejected, HoldAction.PAY, 202),
                "o2", reservedThen("o2", 1, HoldAction.PAY, OrderStatuses.CONFIRMED));

        long duplicates = ReportBuilder.duplicateOrders(List.of(), traces, List.of());

        assertThat(duplicates).isEqualTo(1);
    }

    @Test
    void terminalStatusThatChangesLaterCountsAsDuplicate() {
        Map<String, OrderTrace> traces = Map.of(
                "o1", reservedThen("o1", 1, HoldAction.LET_EXPIRE, OrderStatuses.EXPIRED),
                "o2", decidedFinal("o2", OrderStatuses.REJECTED, "SOLD_OUT"),
                "o3", reservedThen("o3", 1, HoldAction.PAY, OrderStatuses.CONFIRMED));
        List<OrderObservation> recheck = List.of(
                observation("o1", OrderStatuses.CONFIRMED, null),
                observation("o2", OrderStatuses.REJECTED, "LIMIT_EXCEEDED"),
                observation("o3", OrderStatuses.CONFIRMED, null));

        long duplicates = ReportBuilder.duplicateOrders(List.of(), traces, recheck);

        assertThat(duplicates).isEqualTo(2);
    }

    @Test
    void failedSubmissionsAreCountedByStatus() {
        PlannedOrder order = new PlannedOrder("alice", "sku-a", 1, "r1", Delivery.ONCE);
        List<SubmissionResult> submissions = List.of(
                new SubmissionResult(order, 503, null, T0, 0, 6),
                new SubmissionResult(order, SubmissionResult.NO_RESPONSE, null, T0, 0, 6),
                new SubmissionResult(order, 400, null, T0, 0, 1));

        DemoReport report = ReportBuilder.build(1, 1, sale(stock("sku-a", 5), submissions, Map.of(), Map.of()));

        assertThat(report.failedSubmissions()).containsEntry("503", 1L).containsEntry("0", 1L).containsEntry("400", 1L);
        assertThat(report.httpRequests()).isEqualTo(13);
        assertThat(report.acceptedOrders()).isZero();
    }

    @Test
    void latenciesEndWhenDecisionAndEndAreSeen() {
        List<SubmissionResult> submissions = List.of(accepted("alice", "r1", "o1", 0), accepted("alice", "r1", "o1", 40));
        OrderObservation reserved = new OrderObservation("o1", "sku-a", 1, OrderStatuses.RESERVED, null, 2,
                T0.plusMillis(10), T0.plusMillis(120));
        OrderObservation confirmed = new OrderObservation("o1", "sku-a", 1, OrderStatuses.CONFIRMED, null, 3,
                T0.plusMillis(20), T0.plusMillis(900));
        Map<String, OrderTrace> traces = Map.of(
                "o1", new OrderTrace("o1", "alice", reserved, confirmed, confirmed, HoldAction.PAY, 202));

        DemoReport report = ReportBuilder.build(1, 1, sale(stock("sku-a", 5), submissions, traces, Map.of()));

        assertThat(report.decisionLatency().maxMillis()).isEqualTo(120.0);
        assertThat(report.finalLatency().maxMillis()).isEqualTo(900.0);
    }

    @Test
    void deadLetterProbeMustEndDeadLettered() {
        OrderObservation retrying = observation("o1", "RETRYING", null);
        Map<String, OrderTrace> traces = Map.of("o1", new OrderTrace("o1", "alice", null, null, retrying, null, null));
        SaleOutcome sale = new SaleOutcome(stock("sku-a", 1), List.of(), traces, List.of(),
                Map.of("sku-a", new SkuReport.SkuCounts(1, 0, 0)), "o1", LATE_PAYMENT_OK);

        DemoReport report = ReportBuilder.build(1, 1, sale);

        assertThat(report.deadLetter().status()).isEqualTo("RETRYING");
        assertThat(report.deadLetter().passed()).isFalse();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void failedAuditFailsTheReport() {
        DemoReport report = ReportBuilder.build(1, 1, sale(stock("sku-a", 1), List.of(), Map.of(),
                Map.of("sku-a", new SkuReport.SkuCounts(1, 0, 0))));

        assertThat(report.passed()).isTrue();
        assertThat(report.withAudit(new AuditResult(AuditResult.Outcome.FAILED, "1 violation", null)).passed()).isFalse();
        assertThat(report.withAudit(AuditResult.notAvailable()).passed()).isTrue();
    }

    /** A sale whose dead-letter probe and late payment both behaved, so that only the other checks decide. */
    private static SaleOutcome sale(Map<String, Long> stockBySku, List<SubmissionResult> submissions,
            Map<String, OrderTrace> traces, Map<String, SkuReport.SkuCounts> skuCounts) {
        Map<String, OrderTrace> withProbe = new LinkedHashMap<>(traces);
        OrderObservation deadLettered = observation("probe", OrderStatuses.DEAD_LETTERED, null);
        withProbe.put("probe", new OrderTrace("probe", "zed", null, deadLettered, deadLettered, null, null));
        return new SaleOutcome(stockBySku, submissions, withProbe, List.of(), skuCounts, "probe", LATE_PAYMENT_OK);
    }

    private static OrderTrace reservedThen(String orderId, int quantity, HoldAction action, String finalStatus) {
        OrderObservation reserved = observation(orderId, "sku-a", quantity, OrderStatuses.RESERVED, null);
        OrderObservation end = observation(orderId, "sku-a", quantity, finalStatus, null);
        return new OrderTrace(orderId, "shopper-" + orderId, reserved, end, end, action, 202);
    }

    private static OrderTrace decidedFinal(String orderId, String status, String reason) {
        OrderObservation decided = observation(orderId, status, reason);
        return new OrderTrace(orderId, "shopper-" + orderId, decided, decided, decided, null, null);
    }

    private static SubmissionResult accepted(String shopper, String requestId, String orderId, long sentAfterMillis) {
        PlannedOrder order = new PlannedOrder(shopper, "sku-a", 1, requestId, Delivery.ONCE);
        return new SubmissionResult(order, 202, orderId, T0.plusMillis(sentAfterMillis), 3_000_000, 1);
    }

    private static OrderObservation observation(String orderId, String status, String reason) {
        return observation(orderId, "sku-a", 1, status, reason);
    }

    private static OrderObservation observation(String orderId, String skuId, int quantity, String status,
            String reason) {
        return new OrderObservation(orderId, skuId, quantity, status, reason, 1, T0.plusMillis(50), T0.plusMillis(60));
    }

    private static Map<String, Long> stock(String skuId, long units) {
        Map<String, Long> stock = new LinkedHashMap<>();
        stock.put(skuId, units);
        return stock;
    }
}
