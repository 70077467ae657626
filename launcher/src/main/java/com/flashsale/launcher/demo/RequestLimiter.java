package com.flashsale.launcher.demo;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the asynchronous HTTP requests in flight. A request that finds no free permit waits in a
 * queue and starts when an earlier one completes, so no thread ever blocks on the semaphore.
 */
final class RequestLimiter {

    private final int maxInFlight;
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    RequestLimiter(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    /** Starts {@code request} once a permit is free; the permit returns when its future completes. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> start(request, result));
        startWaiting();
        return result;
    }

    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    private <T> void start(Supplier<CompletableFuture<T>> request, CompletableFuture<T> result) {
        CompletableFuture<T> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((value, error) -> {
            permits.release();
            startWaiting();
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });
    }

    /** Starts queued requests while permits are free; called after every enqueue and every release. */
    private void startWaiting() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
            } else {
                next.run();
            }
        }
    }
}
