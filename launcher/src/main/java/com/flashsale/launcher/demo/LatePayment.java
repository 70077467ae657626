package com.flashsale.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.flashsale.launcher.demo.ApiClient.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Pays one expired order as the merchant and checks that the payment is rejected, not applied. */
final class LatePayment {

    static final String PAYMENT_REJECTED = "PaymentRejected";
    private static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(30);
    /** Without the events endpoint, the time given to the processor and projection to apply the payment. */
    private static final Duration SETTLE_PAUSE = Duration.ofSeconds(5);
    private static final Duration POLL_PAUSE = Duration.ofMillis(500);
    private static final int COMMAND_TIMEOUT_SECONDS = 20;

    private final ApiClient api;
    private final String merchantToken;

    LatePayment(ApiClient api, String merchantToken) {
        this.api = api;
        this.merchantToken = merchantToken;
    }

    LatePaymentCheck check(Map<String, OrderTrace> traces) throws IOException, InterruptedException {
        Optional<OrderTrace> expired = traces.values().stream()
                .filter(trace -> trace.action() == HoldAction.LET_EXPIRE)
                .filter(trace -> trace.isFinished() && OrderStatuses.EXPIRED.equals(trace.finalObservation().status()))
                .min(Comparator.comparing(OrderTrace::orderId));
        if (expired.isEmpty()) {
            return LatePaymentCheck.notRun();
        }
        String orderId = expired.get().orderId();

        int paymentStatus = pay(orderId);
        Response events = awaitPaymentRejected(orderId);
        if (events.status() != 200) {
            Thread.sleep(SETTLE_PAUSE.toMillis());
        }
        Response order = api.getOrder(merchantToken, orderId);
        String statusAfter = order.status() == 200 ? order.text("status") : "HTTP " + order.status();
        Boolean seen = events.status() == 200 ? hasPaymentRejected(events.body()) : null;
        return new LatePaymentCheck(orderId, paymentStatus, statusAfter, events.status(), seen);
    }

    private int pay(String orderId) throws InterruptedException {
        try {
            return api.confirmPaymentAsync(merchantToken, orderId, OrderTracker.paymentId(orderId))
                    .get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .status();
        } catch (ExecutionException | TimeoutException e) {
            return SubmissionResult.NO_RESPONSE;
        }
    }

    /** Reads the order's events until PaymentRejected shows up or the timeout passes; stops at a non-200 answer. */
    private Response awaitPaymentRejected(String orderId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + EVENTS_TIMEOUT.toNanos();
        Response response = api.getOrderEvents(merchantToken, orderId);
        while (response.status() == 200 && !hasPaymentRejected(response.body()) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_PAUSE.toMillis());
            response = api.getOrderEvents(merchantToken, orderId);
        }
        return response;
    }

    static boolean hasPaymentRejected(JsonNode history) {
        for (JsonNode event : history.path("events")) {
            if (PAYMENT_REJECTED.equals(event.path("type").asText())) {
                return true;
            }
        }
        return false;
    }
}
