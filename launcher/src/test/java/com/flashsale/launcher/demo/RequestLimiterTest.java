package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {

    @Test
    void requestsBeyondTheLimitWaitForAFreePermit() {
        RequestLimiter limiter = new RequestLimiter(2);
        List<CompletableFuture<String>> sent = new ArrayList<>();
        List<CompletableFuture<String>> results = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            results.add(limiter.submit(() -> {
                CompletableFuture<String> request = new CompletableFuture<>();
                sent.add(request);
                return request;
            }));
        }

        assertThat(sent).hasSize(2);
        assertThat(limiter.inFlight()).isEqualTo(2);

        sent.get(0).complete("first");

        assertThat(results.get(0)).isCompletedWithValue("first");
        assertThat(sent).hasSize(3);
        assertThat(limiter.inFlight()).isEqualTo(2);
    }

    @Test
    void failedRequestReleasesItsPermit() {
        RequestLimiter limiter = new RequestLimiter(1);
        List<CompletableFuture<String>> sent = new ArrayList<>();

        CompletableFuture<String> failed = limiter.submit(() -> {
            throw new IllegalStateException("no connection");
        });
        CompletableFuture<String> next = limiter.submit(() -> {
            CompletableFuture<String> request = new CompletableFuture<>();
            sent.add(request);
            return request;
        });

        assertThat(failed).isCompletedExceptionally();
        assertThat(sent).hasSize(1);
        sent.get(0).complete("ok");
        assertThat(next).isCompletedWithValue("ok");
        assertThat(limiter.inFlight()).isZero();
    }
}
