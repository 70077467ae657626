package com.flashsale.launcher.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.Role;
import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchResults;
import com.flashsale.launcher.bench.BenchStage;
import com.flashsale.launcher.bench.EndToEndResult;
import com.flashsale.launcher.bench.IngestResult;
import com.flashsale.launcher.bench.load.HttpTransport;
import com.flashsale.launcher.bench.load.LatencyRecorder;
import com.flashsale.launcher.bench.load.NanoClock;
import com.flashsale.launcher.bench.load.OpenLoopGenerator;
import com.flashsale.launcher.bench.load.StepResult;
import com.flashsale.launcher.bench.load.Transport;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submit to decision on the whole stack (Kafka, ingest, processor, projection on H2): open-loop
 * orders, each followed by long polls until the projection shows its decision. It measures first
 * at a light rate, where the pipeline keeps up. Then it measures at half the ingest's max
 * sustainable rate, the goal's load, where any stage that cannot keep up queues orders. The latency runs from the submission's due time to the poll
 * response that showed the decision. Every SKU has far more stock than the run can order and a
 * per-user limit above what the shopper rotation holds, so every order should be reserved. The
 * result's {@code missing} counts accepted orders not seen decided within the deadline plus
 * submissions that were not accepted, because neither has a decision to measure.
 */
public final class EndToEndStage implements BenchStage {

    /** Orders per second when the ingest stage measured no sustainable rate (it failed or did not run). */
    static final double FALLBACK_RATE = 200;
    /** Orders per second of the first measurement: a small share of what each stage handles alone. */
    static final double LIGHT_RATE = 50;
    static final int SKUS = 32;
    static final long STOCK_PER_SKU = 100_000_000L;
    /** Units one shopper may reserve per SKU; the rotation of {@link ShopperPool} reserves at most three. */
    static final int PER_USER_LIMIT = 10;
    private static final Duration STOCK_VISIBLE_TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "end-to-end";
    }

    /** Returns half the ingest's max sustainable rate, or {@link #FALLBACK_RATE} without one. */
    static double rateFrom(Optional<IngestResult> ingest) {
        double max = ingest.map(result -> result.product().maxSustainablePerSecond()).orElse(0.0);
        return max > 0 ? Math.floor(max / 2) : FALLBACK_RATE;
    }

    @Override
    public void run(BenchContext context, BenchResults.Builder results) throws Exception {
        double rate = rateFrom(results.ingestSoFar());
        Duration warmUp = context.pick(Duration.ofSeconds(10), Duration.ofSeconds(3));
        Duration measured = context.pick(Duration.ofSeconds(30), Duration.ofSeconds(10));
        Duration decisionDeadline = context.pick(Duration.ofSeconds(30), Duration.ofSeconds(15));
        StackSettings settings = StageStacks.settings(context, name(), EnumSet.allOf(Service.class), Map.of(
                "INGEST_ADDRESS_PERMITS_PER_SECOND", StageStacks.ADDRESS_LIMIT,
                "INGEST_ADDRESS_BURST", StageStacks.ADDRESS_LIMIT));
        try (Stack stack = StageStacks.start(settings, context)) {
            ShopperPool pool = new ShopperPool(stack.tokenIssuer(), "bench-e2e",
                    ShopperPool.shoppersFor(Math.max(rate, LIGHT_RATE)), SKUS);
            String merchantToken = stack.tokenIssuer().issue("bench-merchant", Role.MERCHANT, Duration.ofHours(2));
            loadStock(new ApiClient(URI.create(settings.ingestUrl()), URI.create(settings.projectionUrl())),
                    merchantToken, pool);

            HttpClient http = HttpTransport.newClient();
            OrderEndpoint orders = OrderEndpoint.of("orders", settings.ingestUrl(), IngestStage.PRODUCT_PATH, http,
                    pool, new AtomicLong());
            OpenLoopGenerator generator = new OpenLoopGenerator(NanoClock.SYSTEM, IngestStage.MAX_IN_FLIGHT,
                    IngestStage.REQUEST_TIMEOUT);
            URI projection = URI.create(settings.projectionUrl());
            context.log().printf(Locale.ROOT, "End to end at %.0f and then %.0f orders/s: %d s warm-up, %d s measured "
                    + "each, %d shoppers, %d SKUs%n", LIGHT_RATE, rate, warmUp.toSeconds(), measured.toSeconds(),
                    pool.shoppers(), SKUS);
            warmUp(generator, orders, LIGHT_RATE, warmUp, decisionDeadline, projection, context);

            // The light rate goes first: after the half-load step, a backlog would still be draining.
            results.endToEndLight(measure(generator, orders, LIGHT_RATE, measured, decisionDeadline, projection,
                    context));
            results.endToEnd(measure(generator, orders, rate, measured, decisionDeadline, projection, context));
        }
    }

    /** Submits orders at {@code rate} for {@code duration} and follows each accepted one to its decision. */
    private EndToEndResult measure(OpenLoopGenerator generator, OrderEndpoint orders, double rate, Duration duration,
            Duration decisionDeadline, URI projection, BenchContext context) throws InterruptedException {
        DecisionTracker tracker = new DecisionTracker(orders.http(), projection, NanoClock.SYSTEM);
        StepResult submitted = generator.run(rate, duration, tracking(orders, tracker, rate, duration), 202);
        context.log().printf(Locale.ROOT, "  measured at %.0f orders/s: %s%n", rate, IngestStage.describe(submitted));
        tracker.awaitDecisions(decisionDeadline);
        return result(rate, tracker, submitted, decisionDeadline, context);
    }

    /**
     * Submits orders for {@code duration} and waits for their decisions. The measurement starts only
     * after this, so that it measures a pipeline whose consumers are running and whose JIT is warm.
     */
    private void warmUp(OpenLoopGenerator generator, OrderEndpoint orders, double rate, Duration duration,
            Duration decisionDeadline, URI projection, BenchContext context) throws InterruptedException {
        DecisionTracker tracker = new DecisionTracker(orders.http(), projection, NanoClock.SYSTEM);
        StepResult warm = generator.run(rate, duration, tracking(orders, tracker, rate, duration), 202);
        tracker.awaitDecisions(decisionDeadline);
        context.log().printf(Locale.ROOT, "  warm-up  %s; decided %d, undecided %d, p99 %.1f ms%n",
                IngestStage.describe(warm), tracker.decided(), tracker.undecided(), tracker.latencies().percentileMs(99));
    }

    /**
     * Returns the stage's result. Without a single decided order the percentiles are NaN, which the
     * goals and the table show as not measured.
     */
    static EndToEndResult result(double rate, DecisionTracker tracker, StepResult submitted, Duration deadline,
            BenchContext context) {
        LatencyRecorder latencies = tracker.latencies();
        boolean measured = tracker.decided() > 0;
        double p50 = measured ? latencies.percentileMs(50) : Double.NaN;
        double p99 = measured ? latencies.percentileMs(99) : Double.NaN;
        context.log().printf(Locale.ROOT, "  decided %d %s, undecided %d s after the last submission %d, "
                + "submissions not accepted %d, long polls %d; submit to decision p50 %.1f ms p99 %.1f ms "
                + "max %.1f ms%n", tracker.decided(), tracker.decidedByStatus(), deadline.toSeconds(),
                tracker.undecided(), submitted.errors(), tracker.polls(), p50, p99, latencies.maxMs());
        return new EndToEndResult(rate, tracker.decided(), tracker.undecided() + submitted.errors(), p50, p99);
    }

    /** Returns a transport that submits orders and hands each accepted one to {@code tracker}. */
    private Transport tracking(OrderEndpoint orders, DecisionTracker tracker, double rate, Duration duration) {
        long first = orders.nextOrder().getAndAdd((long) Math.ceil(rate * duration.toNanos() / 1e9) + 1);
        return (index, dueNanos, timeout) -> {
            long order = first + index;
            return orders.http().sendAsync(orders.request(order).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                        if (response.statusCode() == 202) {
                            String orderId = orderId(response.body());
                            tracker.track(orderId, orders.pool().token(orders.pool().shopperIndex(order)), dueNanos);
                        }
                        return response.statusCode();
                    });
        };
    }

    private String orderId(String body) {
        try {
            return json.readTree(body).path("orderId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("The 202 body is not JSON: " + body, e);
        }
    }

    /** Sets every SKU's stock and waits until the projection shows it, so that no order meets an unknown SKU. */
    private static void loadStock(ApiClient api, String merchantToken, ShopperPool pool)
            throws IOException, InterruptedException {
        Instant now = Instant.now();
        for (int sku = 0; sku < pool.skus(); sku++) {
            ApiClient.Response response = api.setStock(merchantToken, pool.skuId(sku), STOCK_PER_SKU, PER_USER_LIMIT,
                    now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(2)));
            if (response.status() / 100 != 2) {
                throw new IllegalStateException("Setting the stock of " + pool.skuId(sku) + " failed with HTTP "
                        + response.status() + ": " + response.body());
            }
        }
        long deadline = System.nanoTime() + STOCK_VISIBLE_TIMEOUT.toNanos();
        for (int sku = 0; sku < pool.skus(); sku++) {
            while (api.getSku(merchantToken, pool.skuId(sku)).body().path("stock").asLong(-1) != STOCK_PER_SKU) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The projection did not show the stock of " + pool.skuId(sku)
                            + " within " + STOCK_VISIBLE_TIMEOUT.toSeconds()
                            + " s; check the stream-processor and projection-service logs.");
                }
                Thread.sleep(100);
            }
        }
    }
}
