package com.flashsale.launcher.demo;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.demo.ApiClient.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One flash sale through the real HTTP API: the merchant loads stock, shoppers submit, and the
 * demo follows every accepted order to a terminal status, paying, cancelling or leaving each
 * reservation to expire. It then pays one expired order, checks each SKU's stock figures and
 * builds the report.
 */
public final class FlashSale {

    public static final int PER_USER_LIMIT = 2;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final Duration STOCK_VISIBLE_TIMEOUT = Duration.ofSeconds(60);
    /** How long outcomes may take beyond the hold: decisions, retries until a dead letter, and expiry checks. */
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SKU_SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_PAUSE = Duration.ofMillis(250);

    /**
     * Sale size, seed and the share of reservations that are paid and cancelled.
     *
     * @param hold the processor's hold time, which bounds how long the last reservation takes to expire
     */
    public record Parameters(int skus, int stock, int shoppers, int submissions, long seed, double payRatio,
            double cancelRatio, Duration hold) {
    }

    private final ApiClient api;
    private final TokenIssuer tokens;
    private final PrintStream err;

    public FlashSale(ApiClient api, TokenIssuer tokens, PrintStream err) {
        this.api = api;
        this.tokens = tokens;
        this.err = err;
    }

    public DemoReport run(Parameters parameters) throws IOException, InterruptedException {
        // A fresh run id keeps SKUs, shoppers and clientRequestIds apart from earlier runs on the same data.
        String runId = Long.toString(Instant.now().toEpochMilli(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        String merchantToken = tokens.issue("merchant-" + runId, Role.MERCHANT, TOKEN_VALIDITY);
        Map<String, Long> stockBySku = loadStock(merchantToken, runId, parameters);

        List<PlannedOrder> plan = WorkloadPlan.create(List.copyOf(stockBySku.keySet()), parameters.shoppers(),
                parameters.submissions(), runId, new Random(parameters.seed()));
        Map<String, String> tokensByShopper = shopperTokens(runId, parameters.shoppers());
        PlannedOrder deadLetterOrder = deadLetterOrder(runId);
        tokensByShopper.put(deadLetterOrder.shopperId(), tokens.issue(deadLetterOrder.shopperId(), Role.SHOPPER,
                TOKEN_VALIDITY));

        OrderTracker tracker = new OrderTracker(api, merchantToken,
                new HoldActionPlan(parameters.payRatio(), parameters.cancelRatio()));
        SubmissionRunner runner = new SubmissionRunner(api, tokensByShopper, parameters.seed(), accepted ->
                tracker.track(accepted.orderId(), accepted.order().shopperId(),
                        tokensByShopper.get(accepted.order().shopperId())));
        SubmissionResult deadLetterSubmission = runner.submitOne(deadLetterOrder);
        int plannedRequests = WorkloadPlan.requests(plan) + 1;
        List<SubmissionResult> submissions = new ArrayList<>();
        submissions.add(deadLetterSubmission);
        try (ProgressLine progress = new ProgressLine(err, () -> runner.progress(plannedRequests) + "; "
                + tracker.progress())) {
            submissions.addAll(runner.run(plan));
        }

        Map<String, OrderTrace> traces;
        try (ProgressLine progress = new ProgressLine(err, tracker::progress)) {
            traces = tracker.awaitFinal(OUTCOME_TIMEOUT.plus(parameters.hold()));
        }
        List<OrderObservation> recheck = tracker.readAgain();
        err.println("Paying one expired order, which must stay EXPIRED...");
        LatePaymentCheck latePayment = new LatePayment(api, merchantToken).check(traces);

        Map<String, SkuReport.SkuCounts> skuCounts = settledSkuCounts(merchantToken, stockBySku, traces);
        SaleOutcome sale = new SaleOutcome(stockBySku, submissions, traces, recheck, skuCounts,
                deadLetterSubmission.orderId(), latePayment);
        return ReportBuilder.build(parameters.seed(), parameters.shoppers(), sale);
    }

    /** Plans an order for a SKU whose stock is never loaded, so that the processor retries it and then dead-letters it. */
    private static PlannedOrder deadLetterOrder(String runId) {
        return new PlannedOrder("shopper-" + runId + "-dead-letter", "sku-" + runId + "-no-stock", 1,
                runId + "-dead-letter", Delivery.ONCE);
    }

    private Map<String, Long> loadStock(String merchantToken, String runId, Parameters parameters)
            throws IOException, InterruptedException {
        Instant now = Instant.now();
        Map<String, Long> stockBySku = new LinkedHashMap<>();
        for (int i = 1; i <= parameters.skus(); i++) {
            String skuId = "sku-" + runId + "-" + i;
            Response response = api.setStock(merchantToken, skuId, parameters.stock(), PER_USER_LIMIT,
                    now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));
            if (response.status() / 100 != 2) {
                throw new IllegalStateException("Setting the stock of " + skuId + " failed with HTTP "
                        + response.status() + ": " + response.body());
            }
            stockBySku.put(skuId, (long) parameters.stock());
        }
        awaitStockVisible(merchantToken, stockBySku);
        return stockBySku;
    }

    /** Waits until the projection shows every SKU's stock, so that no submission meets an unknown SKU. */
    private void awaitStockVisible(String merchantToken, Map<String, Long> stockBySku)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STOCK_VISIBLE_TIMEOUT.toNanos();
        for (Map.Entry<String, Long> sku : stockBySku.entrySet()) {
            while (true) {
                Response response = api.getSku(merchantToken, sku.getKey());
                if (response.status() == 200 && response.body().path("stock").asLong(-1) == sku.getValue()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The projection did not show the stock of " + sku.getKey()
                            + " within " + STOCK_VISIBLE_TIMEOUT.toSeconds() + " s (last answer: HTTP "
                            + response.status() + "); check the stream-processor and projection-service logs.");
                }
                Thread.sleep(POLL_PAUSE.toMillis());
            }
        }
    }

    private Map<String, String> shopperTokens(String runId, int shoppers) {
        Map<String, String> tokensByShopper = new HashMap<>();
        for (int i = 0; i < shoppers; i++) {
            String shopperId = WorkloadPlan.shopperId(runId, i);
            tokensByShopper.put(shopperId, tokens.issue(shopperId, Role.SHOPPER, TOKEN_VALIDITY));
        }
        return tokensByShopper;
    }

    /**
     * Reads each SKU from the projection until no unit is reserved and its sold units match the
     * confirmed orders, or until a timeout: stock events may reach the projection after the order
     * events.
     */
    private Map<String, SkuReport.SkuCounts> settledSkuCounts(String merchantToken, Map<String, Long> stockBySku,
            Map<String, OrderTrace> traces) throws IOException, InterruptedException {
        Map<String, Long> confirmedUnitsBySku = ReportBuilder.confirmedUnitsBySku(traces.values().stream()
                .filter(OrderTrace::isFinished).map(OrderTrace::finalObservation).toList());
        long deadline = System.nanoTime() + SKU_SETTLE_TIMEOUT.toNanos();
        Map<String, SkuReport.SkuCounts> counts = new HashMap<>();
        List<String> unsettled = new ArrayList<>(stockBySku.keySet());
        while (!unsettled.isEmpty()) {
            for (String skuId : List.copyOf(unsettled)) {
                Response response = api.getSku(merchantToken, skuId);
                if (response.status() == 200) {
                    SkuReport.SkuCounts skuCounts = new SkuReport.SkuCounts(response.body().path("available").asLong(),
                            response.body().path("reserved").asLong(), response.body().path("sold").asLong());
                    counts.put(skuId, skuCounts);
                    if (skuCounts.reserved() == 0 && skuCounts.sold() == confirmedUnitsBySku.getOrDefault(skuId, 0L)) {
                        unsettled.remove(skuId);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            if (!unsettled.isEmpty()) {
                Thread.sleep(POLL_PAUSE.toMillis());
            }
        }
        return counts;
    }
}
