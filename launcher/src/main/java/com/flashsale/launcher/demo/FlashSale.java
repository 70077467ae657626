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
 * One flash sale through the real HTTP API: the merchant loads stock, shoppers submit, the demo
 * waits for every outcome in the projection and builds the report.
 */
public final class FlashSale {

    public static final int PER_USER_LIMIT = 2;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final Duration STOCK_VISIBLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FINAL_STATUS_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SKU_SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_PAUSE = Duration.ofMillis(250);

    /** Sale size and seed. */
    public record Parameters(int skus, int stock, int shoppers, int submissions, long seed) {
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

        SubmissionRunner runner = new SubmissionRunner(api, tokensByShopper, parameters.seed());
        int plannedRequests = WorkloadPlan.requests(plan);
        List<SubmissionResult> submissions;
        try (ProgressLine progress = new ProgressLine(err, () -> runner.progress(plannedRequests))) {
            submissions = runner.run(plan);
        }

        Map<String, String> ownerByOrderId = new HashMap<>();
        submissions.stream().filter(SubmissionResult::accepted)
                .forEach(result -> ownerByOrderId.put(result.orderId(), result.order().shopperId()));
        OrderTracker tracker = new OrderTracker(api, tokensByShopper);
        Map<String, OrderObservation> finals;
        try (ProgressLine progress = new ProgressLine(err, tracker::progress)) {
            finals = tracker.awaitFinal(ownerByOrderId, FINAL_STATUS_TIMEOUT);
        }
        List<OrderObservation> recheck = tracker.fetchAgain(ownerByOrderId);

        Map<String, SkuReport.SkuCounts> skuCounts = settledSkuCounts(merchantToken, stockBySku, finals);
        return ReportBuilder.build(parameters.seed(), parameters.shoppers(), stockBySku, submissions, finals, recheck,
                skuCounts);
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
     * Reads each SKU from the projection until its reserved plus sold units match the orders, or
     * until a timeout: stock events may reach the projection after the order events.
     */
    private Map<String, SkuReport.SkuCounts> settledSkuCounts(String merchantToken, Map<String, Long> stockBySku,
            Map<String, OrderObservation> finals) throws IOException, InterruptedException {
        Map<String, Long> heldUnitsBySku = new HashMap<>();
        for (SkuReport sku : ReportBuilder.skuReports(stockBySku, finals, Map.of())) {
            heldUnitsBySku.put(sku.skuId(), sku.unitsHeldByOrders());
        }
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
                    if (skuCounts.reserved() + skuCounts.sold() == heldUnitsBySku.get(skuId)) {
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
