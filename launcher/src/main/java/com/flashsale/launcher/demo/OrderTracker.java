package com.flashsale.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.flashsale.launcher.demo.ApiClient.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Polls {@code GET /v1/orders/{orderId}} with the owner's token until every order has a final
 * status or the timeout passes. A 404 means the projection has not seen the order yet.
 */
public final class OrderTracker {

    private static final Duration ROUND_PAUSE = Duration.ofMillis(250);

    private final ApiClient api;
    private final Map<String, String> tokensByShopper;
    private final Map<String, OrderObservation> finals = new ConcurrentHashMap<>();
    private volatile int total;

    public OrderTracker(ApiClient api, Map<String, String> tokensByShopper) {
        this.api = api;
        this.tokensByShopper = tokensByShopper;
    }

    /**
     * Returns the first final observation of each order; orders missing from the map did not
     * finish within {@code timeout}.
     *
     * @param ownerByOrderId the shopper who placed each order
     */
    public Map<String, OrderObservation> awaitFinal(Map<String, String> ownerByOrderId, Duration timeout)
            throws InterruptedException {
        total = ownerByOrderId.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(SubmissionRunner.CONCURRENCY);
        try {
            while (finals.size() < total && System.nanoTime() < deadline) {
                List<String> pending = ownerByOrderId.keySet().stream().filter(id -> !finals.containsKey(id)).toList();
                for (OrderObservation observation : fetchAll(pool, pending, ownerByOrderId)) {
                    if (observation.isFinal()) {
                        finals.putIfAbsent(observation.orderId(), observation);
                    }
                }
                if (finals.size() < total) {
                    Thread.sleep(ROUND_PAUSE.toMillis());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return Map.copyOf(finals);
    }

    /** Fetches every order once more, to compare with its first final observation. */
    public List<OrderObservation> fetchAgain(Map<String, String> ownerByOrderId) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(SubmissionRunner.CONCURRENCY);
        try {
            return fetchAll(pool, List.copyOf(ownerByOrderId.keySet()), ownerByOrderId);
        } finally {
            pool.shutdownNow();
        }
    }

    public String progress() {
        return "waiting for outcomes: " + finals.size() + "/" + total + " orders final";
    }

    private List<OrderObservation> fetchAll(ExecutorService pool, List<String> orderIds,
            Map<String, String> ownerByOrderId) throws InterruptedException {
        List<Future<Optional<OrderObservation>>> futures = new ArrayList<>();
        for (String orderId : orderIds) {
            String token = tokensByShopper.get(ownerByOrderId.get(orderId));
            Callable<Optional<OrderObservation>> fetch = () -> fetch(token, orderId);
            futures.add(pool.submit(fetch));
        }
        List<OrderObservation> observations = new ArrayList<>();
        for (Future<Optional<OrderObservation>> future : futures) {
            try {
                future.get().ifPresent(observations::add);
            } catch (ExecutionException e) {
                // A failed poll is retried in the next round; the overall timeout bounds the retries.
            }
        }
        return observations;
    }

    private Optional<OrderObservation> fetch(String token, String orderId) throws IOException, InterruptedException {
        Response response = api.getOrder(token, orderId);
        if (response.status() != 200) {
            return Optional.empty();
        }
        JsonNode quantity = response.body().get("quantity");
        return Optional.of(new OrderObservation(
                orderId,
                response.text("skuId"),
                quantity == null || quantity.isNull() ? null : quantity.asInt(),
                response.text("status"),
                response.text("reason"),
                parseInstant(response.text("updatedAt")),
                Instant.now()));
    }

    private static Instant parseInstant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
