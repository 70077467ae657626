package com.flashsale.launcher.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.launcher.bench.load.LatencyRecorder;
import com.flashsale.launcher.bench.load.NanoClock;
import com.flashsale.launcher.demo.OrderStatuses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows accepted orders with long polls of {@code GET /v1/orders/{orderId}?waitSeconds&afterVersion}
 * until the projection shows a decision (reserved, rejected or any later status), and records the
 * time from each order's due time to the response that showed the decision. A long poll returns as
 * soon as the order's version passes {@code afterVersion}, so the measurement waits for no poll
 * interval.
 */
final class DecisionTracker {

    static final int WAIT_SECONDS = 10;
    /** Pause after a response that came at once without the decision, as for an order not projected yet. */
    private static final Duration QUICK_RESPONSE_PAUSE = Duration.ofMillis(20);
    private static final Duration ERROR_PAUSE = Duration.ofMillis(200);

    private final HttpClient http;
    private final URI projectionUrl;
    private final NanoClock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicLong decided = new AtomicLong();
    private final Map<String, LongAdder> decidedByStatus = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean stopped;

    DecisionTracker(HttpClient http, URI projectionUrl, NanoClock clock) {
        this.http = http;
        this.projectionUrl = projectionUrl;
        this.clock = clock;
    }

    /** Starts following an order that was due at {@code dueNanos}, polling with the owner's token. */
    void track(String orderId, String token, long dueNanos) {
        pending.put(orderId, Boolean.TRUE);
        poll(orderId, token, dueNanos, 0);
    }

    /** Waits until every tracked order is decided or {@code timeout} passes, then stops polling. */
    void awaitDecisions(Duration timeout) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && clock.nanoTime() < deadline) {
            clock.parkUntil(Math.min(deadline, clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)));
        }
        stopped = true;
    }

    long decided() {
        return decided.get();
    }

    /** Returns the decided orders by the first decided status a poll returned, such as RESERVED. */
    Map<String, Long> decidedByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        decidedByStatus.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    /** Returns the orders tracked but not seen decided. */
    long undecided() {
        return pending.size();
    }

    long polls() {
        return polls.get();
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    private void poll(String orderId, String token, long dueNanos, long afterVersion) {
        if (stopped) {
            return;
        }
        polls.incrementAndGet();
        long sentAt = clock.nanoTime();
        URI uri = projectionUrl.resolve("/v1/orders/" + orderId + "?waitSeconds=" + WAIT_SECONDS
                + "&afterVersion=" + afterVersion);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(WAIT_SECONDS + 10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = clock.nanoTime();
            if (error != null || (response.statusCode() != 200 && response.statusCode() != 404)) {
                retryAfter(ERROR_PAUSE, orderId, token, dueNanos, afterVersion);
                return;
            }
            long version = afterVersion;
            if (response.statusCode() == 200) {
                JsonNode body = parse(response.body());
                String status = body.path("status").asText(null);
                if (OrderStatuses.isDecided(status) || OrderStatuses.isFinal(status)) {
                    if (pending.remove(orderId) != null) {
                        latencies.record(dueNanos, now);
                        decided.incrementAndGet();
                        decidedByStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
                    }
                    return;
                }
                version = Math.max(afterVersion, body.path("version").asLong(afterVersion));
            }
            boolean waited = now - sentAt >= TimeUnit.SECONDS.toNanos(WAIT_SECONDS) / 2;
            if (version > afterVersion || waited) {
                poll(orderId, token, dueNanos, version);
            } else {
                retryAfter(QUICK_RESPONSE_PAUSE, orderId, token, dueNanos, version);
            }
        });
    }

    private void retryAfter(Duration pause, String orderId, String token, long dueNanos, long afterVersion) {
        CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> poll(orderId, token, dueNanos, afterVersion));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
