package com.flashsale.launcher.bench.ingest;

import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchResults;
import com.flashsale.launcher.bench.BenchStage;
import com.flashsale.launcher.bench.IngestResult;
import com.flashsale.launcher.bench.LatencyPoint;
import com.flashsale.launcher.bench.RateSweep;
import com.flashsale.launcher.bench.load.HttpTransport;
import com.flashsale.launcher.bench.load.NanoClock;
import com.flashsale.launcher.bench.load.OpenLoopGenerator;
import com.flashsale.launcher.bench.load.StepResult;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest service's {@code POST /v1/orders} against its baseline {@code POST /v1/benchmark/orders}
 * on the same server, under open-loop load at rising rates. Only Kafka and the ingest service run:
 * the stage measures how fast orders are accepted, and a processor and projection consuming the
 * topic would take CPU from the server on a small machine. The two endpoints take turns at each
 * rate, so a change in the machine's background load affects both alike. An endpoint's sweep stops
 * after {@link SweepPlan#UNSUSTAINED_STEPS_TO_STOP} unsustained steps.
 */
public final class IngestStage implements BenchStage {

    static final String PRODUCT_PATH = "/v1/orders";
    static final String BASELINE_PATH = "/v1/benchmark/orders";

    /**
     * Requests in flight at most, like a pool of 512 connections: below the ingest service's
     * {@code maxInFlight} (2000), so that bound never rejects the load, and below Jetty's thread pool.
     */
    static final int MAX_IN_FLIGHT = 512;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final int SKUS = 64;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void run(BenchContext context, BenchResults.Builder results) throws Exception {
        SweepPlan plan = context.options().quick() ? SweepPlan.quick() : SweepPlan.full();
        StackSettings settings = StageStacks.settings(context, name(), EnumSet.of(Service.INGEST_SERVICE), Map.of(
                "INGEST_BENCHMARK_BASELINE", "true",
                "INGEST_ADDRESS_PERMITS_PER_SECOND", StageStacks.ADDRESS_LIMIT,
                "INGEST_ADDRESS_BURST", StageStacks.ADDRESS_LIMIT));
        try (Stack stack = StageStacks.start(settings, context)) {
            ShopperPool pool = new ShopperPool(stack.tokenIssuer(), "bench-ingest",
                    ShopperPool.shoppersFor(plan.maxRate()), SKUS);
            HttpClient http = HttpTransport.newClient();
            AtomicLong nextOrder = new AtomicLong();
            OrderEndpoint product = OrderEndpoint.of("pipeline", settings.ingestUrl(), PRODUCT_PATH, http, pool,
                    nextOrder);
            OrderEndpoint baseline = OrderEndpoint.of("baseline", settings.ingestUrl(), BASELINE_PATH, http, pool,
                    nextOrder);
            context.log().printf(Locale.ROOT, "Ingest sweep: %d shoppers, %d SKUs, %d requests in flight at most, "
                    + "rates %s, at most %d s of load%n", pool.shoppers(), SKUS, MAX_IN_FLIGHT, plan.rates(),
                    plan.longestMeasuring().toSeconds());
            results.ingest(sweep(plan, product, baseline, context));
        }
    }

    private static IngestResult sweep(SweepPlan plan, OrderEndpoint product, OrderEndpoint baseline,
            BenchContext context) throws InterruptedException {
        OpenLoopGenerator generator = new OpenLoopGenerator(NanoClock.SYSTEM, MAX_IN_FLIGHT, REQUEST_TIMEOUT);
        warmUp(generator, product, plan.warmUpPerSecond(), plan.productWarmUp(), context);
        warmUp(generator, baseline, plan.warmUpPerSecond(), plan.baselineWarmUp(), context);

        List<LatencyPoint> productPoints = new ArrayList<>();
        List<LatencyPoint> baselinePoints = new ArrayList<>();
        for (double rate : plan.rates()) {
            boolean productDone = SweepRule.shouldStop(productPoints);
            boolean baselineDone = SweepRule.shouldStop(baselinePoints);
            if (productDone && baselineDone) {
                break;
            }
            if (!productDone) {
                productPoints.add(step(generator, product, rate, plan.step(), context));
            }
            if (!baselineDone) {
                baselinePoints.add(step(generator, baseline, rate, plan.step(), context));
            }
        }
        return new IngestResult(new RateSweep("POST " + PRODUCT_PATH, productPoints),
                new RateSweep("POST " + BASELINE_PATH, baselinePoints));
    }

    private static void warmUp(OpenLoopGenerator generator, OrderEndpoint endpoint, double rate, Duration duration,
            BenchContext context) throws InterruptedException {
        GeneratorCpu cpu = GeneratorCpu.start();
        StepResult result = generator.run(rate, duration, endpoint.transportFor(rate, duration), 202);
        context.log().printf(Locale.ROOT, "  warm-up %-8s %s, %s%n", endpoint.label(), describe(result),
                cpu.describe(result.requests()));
    }

    private static LatencyPoint step(OpenLoopGenerator generator, OrderEndpoint endpoint, double rate,
            Duration duration, BenchContext context) throws InterruptedException {
        GeneratorCpu cpu = GeneratorCpu.start();
        StepResult result = generator.run(rate, duration, endpoint.transportFor(rate, duration), 202);
        LatencyPoint point = result.toLatencyPoint();
        context.log().printf(Locale.ROOT, "  %-8s %s, %s%s%n", endpoint.label(), describe(result),
                cpu.describe(result.requests()), SweepRule.sustained(point) ? "" : " (not sustained)");
        return point;
    }

    static String describe(StepResult result) {
        return String.format(Locale.ROOT, "offered %6.0f/s achieved %6.0f/s p50 %7.1f ms p99 %7.1f ms "
                        + "p99.9 %7.1f ms errors %d %s, generator send lag max %.1f ms",
                result.offeredPerSecond(), result.achievedPerSecond(), result.p50Ms(), result.p99Ms(),
                result.p999Ms(), result.errors(), result.errorKinds(), result.maxSendLagMs());
    }
}
