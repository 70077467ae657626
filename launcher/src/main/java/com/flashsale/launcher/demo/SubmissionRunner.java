package com.flashsale.launcher.demo;

import com.flashsale.launcher.demo.ApiClient.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends the planned orders through {@code POST /v1/orders} with bounded concurrency. A 429 or 503
 * is retried with the same clientRequestId after {@code Retry-After} (or an exponential backoff),
 * as is a request that got no answer, up to {@value #MAX_ATTEMPTS} attempts.
 */
public final class SubmissionRunner {

    public static final int CONCURRENCY = 64;
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private final ApiClient api;
    private final Map<String, String> tokensByShopper;
    private final Random random;
    private final Consumer<SubmissionResult> onAccepted;
    private final Queue<SubmissionResult> results = new ConcurrentLinkedQueue<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong overloadRetries = new AtomicLong();

    /** @param onAccepted called with every 202, on the sending thread, as soon as it arrives */
    public SubmissionRunner(ApiClient api, Map<String, String> tokensByShopper, long seed,
            Consumer<SubmissionResult> onAccepted) {
        this.api = api;
        this.tokensByShopper = tokensByShopper;
        this.random = new Random(seed);
        this.onAccepted = onAccepted;
    }

    /** Sends every planned order and returns one result per HTTP submission (two for a resent order). */
    public List<SubmissionResult> run(List<PlannedOrder> plan) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        // The second tap of a double tap runs here, so that it is in flight together with the first.
        ExecutorService secondTaps = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (PlannedOrder order : plan) {
                long retryDelayMillis = 100 + random.nextInt(700);
                tasks.add(CompletableFuture.runAsync(() -> deliver(order, secondTaps, retryDelayMillis), workers));
            }
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } finally {
            workers.shutdownNow();
            secondTaps.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
        return List.copyOf(results);
    }

    public String progress(int plannedRequests) {
        return "submitting: " + completed.get() + "/" + plannedRequests + " sent, " + accepted.get()
                + " accepted (202), " + overloadRetries.get() + " retried after 429/503 or no answer";
    }

    private void deliver(PlannedOrder order, ExecutorService secondTaps, long retryDelayMillis) {
        switch (order.delivery()) {
            case ONCE -> submit(order);
            case DOUBLE_TAP -> {
                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> submit(order), secondTaps);
                submit(order);
                second.join();
            }
            case RETRY_AFTER_TIMEOUT -> {
                // The client never saw the first answer (the mini-program's request timed out), so
                // it sends the same clientRequestId again a little later.
                submit(order);
                sleep(Duration.ofMillis(retryDelayMillis));
                submit(order);
            }
        }
    }

    /** Sends one submission with overload retries and returns its result, which is also recorded. */
    public SubmissionResult submitOne(PlannedOrder order) {
        return submit(order);
    }

    private SubmissionResult submit(PlannedOrder order) {
        String token = tokensByShopper.get(order.shopperId());
        Instant firstSentAt = Instant.now();
        int status = SubmissionResult.NO_RESPONSE;
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS && !Thread.currentThread().isInterrupted()) {
            attempt++;
            long started = System.nanoTime();
            Duration wait;
            try {
                Response response = api.submitOrder(token, order.skuId(), order.quantity(), order.clientRequestId());
                long latency = System.nanoTime() - started;
                status = response.status();
                if (status == 202) {
                    return record(new SubmissionResult(order, status, response.text("orderId"), firstSentAt, latency,
                            attempt));
                }
                if (status != 429 && status != 503) {
                    break;
                }
                wait = response.retryAfter().map(this::capRetryAfter).orElseGet(backoff(attempt));
            } catch (IOException e) {
                status = SubmissionResult.NO_RESPONSE;
                wait = backoff(attempt).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (attempt < MAX_ATTEMPTS) {
                overloadRetries.incrementAndGet();
                sleep(wait);
            }
        }
        return record(new SubmissionResult(order, status, null, firstSentAt, 0, attempt));
    }

    private SubmissionResult record(SubmissionResult result) {
        results.add(result);
        completed.incrementAndGet();
        if (result.accepted()) {
            accepted.incrementAndGet();
            onAccepted.accept(result);
        }
        return result;
    }

    private Duration capRetryAfter(Duration retryAfter) {
        return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }

    /** 200 ms, 400 ms, 800 ms ... up to 5 s, with up to 50% jitter so that retries spread out. */
    private static Supplier<Duration> backoff(int attempt) {
        return () -> {
            long base = Math.min(MAX_BACKOFF.toMillis(), 200L << Math.min(attempt - 1, 10));
            long jitter = (long) (base * 0.5 * Math.random());
            return Duration.ofMillis(base + jitter);
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
