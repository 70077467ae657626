package com.flashsale.launcher.faults;

import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.ApiClient.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Order submissions at a steady rate with a bounded number in flight, recorded with their times.
 * Every submission has a fresh clientRequestId and none is retried, so an order id that appears
 * twice on the topic can only come from a duplicated write.
 */
final class SubmissionLoad implements AutoCloseable {

    private final ApiClient api;
    private final List<String> shopperTokens;
    private final List<String> skuIds;
    private final double submissionsPerSecond;
    private final int maxSubmissions;
    private final Semaphore inFlight;
    private final ExecutorService workers;
    private final Thread dispatcher;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Submission> results = new ConcurrentLinkedQueue<>();
    private volatile long startNanos;

    SubmissionLoad(ApiClient api, List<String> shopperTokens, List<String> skuIds, double submissionsPerSecond,
            int maxSubmissions, int concurrency) {
        this.api = api;
        this.shopperTokens = shopperTokens;
        this.skuIds = skuIds;
        this.submissionsPerSecond = submissionsPerSecond;
        this.maxSubmissions = maxSubmissions;
        this.inFlight = new Semaphore(concurrency);
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.dispatcher = new Thread(this::dispatch, "fault-load-dispatcher");
    }

    void start() {
        startNanos = System.nanoTime();
        dispatcher.start();
    }

    /** Milliseconds since {@link #start()}, the clock of every recorded time. */
    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops sending and waits for the requests in flight. */
    List<Submission> stopAndCollect() throws InterruptedException {
        stopRequested.set(true);
        dispatcher.join();
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Submissions still in flight 60 s after the load stopped");
        }
        return snapshot();
    }

    List<Submission> snapshot() {
        List<Submission> copy = new ArrayList<>(results);
        copy.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return copy;
    }

    /** The first 202 for a request sent at or after {@code sentAfterMillis}, by response time. */
    Optional<Submission> firstAcceptedSentAfter(long sentAfterMillis) {
        return results.stream()
                .filter(Submission::accepted)
                .filter(s -> s.sentMillis() >= sentAfterMillis)
                .min((a, b) -> Long.compare(a.answeredMillis(), b.answeredMillis()));
    }

    @Override
    public void close() {
        stopRequested.set(true);
        workers.shutdownNow();
    }

    private void dispatch() {
        double intervalMillis = 1000.0 / submissionsPerSecond;
        for (int index = 0; index < maxSubmissions && !stopRequested.get(); index++) {
            long dueMillis = (long) (index * intervalMillis);
            try {
                long wait = dueMillis - elapsedMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                // A full pool slows the load down instead of queueing requests that would time out.
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int submissionIndex = index;
            workers.execute(() -> {
                try {
                    results.add(submit(submissionIndex));
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private Submission submit(int index) {
        // Each shopper gets a different SKU each round, so the per-user-and-SKU open-order limit never applies.
        int shopper = index % shopperTokens.size();
        int round = index / shopperTokens.size();
        String skuId = skuIds.get((shopper + round) % skuIds.size());
        String clientRequestId = "fault-" + index;
        long sent = elapsedMillis();
        try {
            Response response = api.submitOrder(shopperTokens.get(shopper), skuId, 1, clientRequestId);
            String orderId = response.status() == 202 ? response.text("orderId") : null;
            return new Submission(index, clientRequestId, response.status(), orderId, sent, elapsedMillis());
        } catch (IOException e) {
            return new Submission(index, clientRequestId, Submission.NO_RESPONSE, null, sent, elapsedMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Submission(index, clientRequestId, Submission.NO_RESPONSE, null, sent, elapsedMillis());
        }
    }
}
