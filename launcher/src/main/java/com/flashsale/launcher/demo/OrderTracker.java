package com.flashsale.launcher.demo;

import com.flashsale.launcher.demo.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Follows every accepted order from its 202 to a terminal status with long polls of
 * {@code GET /v1/orders/{orderId}?waitSeconds&afterVersion}, sent through the asynchronous
 * HttpClient with at most {@value #MAX_IN_FLIGHT} requests in flight. When a reservation shows up,
 * it pays it as the merchant, cancels it as the owner or leaves it to expire, as the
 * {@link HoldActionPlan} assigns.
 */
public final class OrderTracker {

    static final int MAX_IN_FLIGHT = 512;
    static final int WAIT_SECONDS = 10;
    private static final int MAX_COMMAND_ATTEMPTS = 5;
    /**
     * First pause before polling again after a response that came at once without a change: the
     * projection ignored the wait (a build without long polls) or does not have the order yet. The
     * pause doubles with every such response in a row up to {@link #MAX_UNCHANGED_PAUSE}, so an order
     * decided quickly is measured closely while a long hold costs few requests.
     */
    private static final Duration UNCHANGED_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_UNCHANGED_PAUSE = Duration.ofSeconds(2);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

    private final ApiClient api;
    private final String merchantToken;
    private final HoldActionPlan plan;
    private final RequestLimiter limiter = new RequestLimiter(MAX_IN_FLIGHT);
    private final Map<String, TrackedOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong decided = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile Instant deadline;

    public OrderTracker(ApiClient api, String merchantToken, HoldActionPlan plan) {
        this.api = api;
        this.merchantToken = merchantToken;
        this.plan = plan;
    }

    /** Starts tracking an order unless it is tracked already, as after a double tap. */
    public void track(String orderId, String shopperId, String token) {
        TrackedOrder order = new TrackedOrder(orderId, shopperId, token);
        if (orders.putIfAbsent(orderId, order) == null) {
            poll(order);
        }
    }

    /**
     * Waits until every tracked order is final or {@code timeout} has passed; returns a trace per
     * order id, where an unfinished order has no final observation.
     */
    public Map<String, OrderTrace> awaitFinal(Duration timeout) throws InterruptedException {
        deadline = Instant.now().plus(timeout);
        CompletableFuture<?>[] done = orders.values().stream().map(TrackedOrder::done).toArray(CompletableFuture[]::new);
        try {
            // A long poll already sent may take its full wait and request timeout after the deadline.
            long graceSeconds = WAIT_SECONDS + 15;
            CompletableFuture.allOf(done).get(timeout.toSeconds() + graceSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The traces show which orders did not finish; the report counts and names them.
        }
        orders.values().forEach(TrackedOrder::giveUp);
        Map<String, OrderTrace> traces = new ConcurrentHashMap<>();
        orders.forEach((orderId, order) -> traces.put(orderId, order.trace()));
        return Map.copyOf(traces);
    }

    /** Reads every tracked order once more without waiting, to compare with its final observation. */
    public List<OrderObservation> readAgain() {
        List<CompletableFuture<Optional<OrderObservation>>> reads = new ArrayList<>();
        for (TrackedOrder order : orders.values()) {
            reads.add(limiter.submit(() -> api.awaitOrderAsync(order.token(), order.orderId(), 0, 0))
                    .handle((response, error) -> error == null && response.status() == 200
                            ? Optional.of(OrderObservation.of(order.orderId(), response.body(), Instant.now()))
                            : Optional.empty()));
        }
        return reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    public String progress() {
        return "tracking: " + orders.size() + " accepted, " + decided.get() + " decided, " + finished.get()
                + " final; " + limiter.inFlight() + " requests in flight, " + requests.get() + " sent";
    }

    private void poll(TrackedOrder order) {
        Instant end = deadline;
        if (end != null && Instant.now().isAfter(end)) {
            order.giveUp();
            return;
        }
        long sentAt = System.nanoTime();
        requests.incrementAndGet();
        limiter.submit(() -> api.awaitOrderAsync(order.token(), order.orderId(), WAIT_SECONDS, order.lastVersion()))
                .whenComplete((response, error) -> {
                    Duration pause = handleAnswer(order, response, error, Duration.ofNanos(System.nanoTime() - sentAt));
                    if (order.done().isDone()) {
                        return;
                    }
                    if (pause.isZero()) {
                        poll(order);
                    } else {
                        CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> poll(order));
                    }
                });
    }

    /** Records a response and returns how long to wait before the next poll of the order. */
    private Duration handleAnswer(TrackedOrder order, Response response, Throwable error, Duration took) {
        if (error != null) {
            return ERROR_PAUSE;
        }
        if (response.status() == 429 || response.status() == 503) {
            Duration retryAfter = response.retryAfter().orElse(ERROR_PAUSE);
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        boolean waited = took.toSeconds() * 2 >= WAIT_SECONDS;
        if (response.status() == 404) {
            // Not projected yet: a long poll waits for the order, but an immediate response calls for a pause.
            return waited ? Duration.ZERO : unchangedPause(order.countUnchangedAnswer());
        }
        if (response.status() != 200) {
            return ERROR_PAUSE;
        }

        long versionBefore = order.lastVersion();
        boolean wasDecided = order.isDecided();
        OrderObservation observation = OrderObservation.of(order.orderId(), response.body(), Instant.now());
        boolean reserved = order.observe(observation);
        if (!wasDecided && order.isDecided()) {
            decided.incrementAndGet();
        }
        if (observation.isFinal()) {
            finished.incrementAndGet();
            return Duration.ZERO;
        }
        if (reserved) {
            act(order, plan.next());
        }
        if (observation.version() > versionBefore || waited) {
            return Duration.ZERO;
        }
        return unchangedPause(order.countUnchangedAnswer());
    }

    /** 100 ms after the first unchanged answer in a row, then 200, 400 ... up to 2 s. */
    static Duration unchangedPause(int unchangedInARow) {
        long millis = UNCHANGED_PAUSE.toMillis() << Math.min(Math.max(unchangedInARow - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_UNCHANGED_PAUSE.toMillis()));
    }

    private void act(TrackedOrder order, HoldAction action) {
        order.action(action);
        switch (action) {
            case PAY -> sendCommand(order, () -> api.confirmPaymentAsync(merchantToken, order.orderId(),
                    paymentId(order.orderId())), 1);
            case CANCEL -> sendCommand(order, () -> api.cancelOrderAsync(order.token(), order.orderId()), 1);
            case LET_EXPIRE -> {
                // Nothing to send: the processor expires the hold when its time has passed.
            }
        }
    }

    /**
     * Sends a payment or cancel, again after a 429, a 503 or no answer. A repeated command is
     * harmless: the processor ignores a second payment of a confirmed order and a cancel of a
     * cancelled one.
     */
    private void sendCommand(TrackedOrder order, Supplier<CompletableFuture<Response>> command, int attempt) {
        requests.incrementAndGet();
        limiter.submit(command).whenComplete((response, error) -> {
            int status = error != null ? SubmissionResult.NO_RESPONSE : response.status();
            boolean retryable = error != null || status == 429 || status == 503;
            if (retryable && attempt < MAX_COMMAND_ATTEMPTS) {
                Duration pause = error != null ? ERROR_PAUSE : response.retryAfter().orElse(ERROR_PAUSE);
                CompletableFuture.delayedExecutor(Math.min(pause.toMillis(), MAX_RETRY_AFTER.toMillis()),
                        TimeUnit.MILLISECONDS).execute(() -> sendCommand(order, command, attempt + 1));
                return;
            }
            order.commandStatus(status);
        });
    }

    /** Returns the merchant's payment reference of an order, one per order, so a resent payment carries the same id. */
    static String paymentId(String orderId) {
        return "pay-" + orderId;
    }
}
