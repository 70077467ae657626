package com.flashsale.launcher.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The generator on a clock that moves by hand, with transports that respond on that clock. */
class OpenLoopGeneratorTest {

    private static final long MS = 1_000_000;
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final FakeClock clock = new FakeClock();
    private final List<Long> sent = new ArrayList<>();

    /** A server that returns {@code status} for every request after {@code millis}, one at a time. */
    private Transport answering(int status, long millis) {
        return (index, due, timeout) -> {
            sent.add(index);
            clock.advance(millis * MS);
            return CompletableFuture.completedFuture(status);
        };
    }

    @Test
    void fastServerKeepsUpWithRate() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 8, Duration.ofSeconds(5));

        StepResult result = generator.run(10, ONE_SECOND, answering(202, 20), 202);

        assertThat(result.requests()).isEqualTo(10);
        assertThat(result.succeeded()).isEqualTo(10);
        assertThat(result.errors()).isZero();
        assertThat(result.achievedPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(result.p50Ms()).isCloseTo(20, within(0.1));
        assertThat(result.maxMs()).isCloseTo(20, within(0.1));
        assertThat(result.maxSendLagMs()).isZero();
    }

    @Test
    void saturatedServerShowsItsCapacity() throws Exception {
        // 40 requests per second offered to one connection that serves 20 per second.
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 1, Duration.ofSeconds(5));

        StepResult result = generator.run(40, ONE_SECOND, answering(202, 50), 202);

        // Successes every 50 ms from 50 to 2000 ms, plus one 25 ms interval.
        assertThat(result.succeeded()).isEqualTo(40);
        assertThat(result.achievedPerSecond()).isCloseTo(40 / 1.975, within(0.01));
        assertThat(result.maxMs()).isCloseTo(2_000 - 975, within(1.0));
        assertThat(result.toLatencyPoint().achievedPerSecond()).isLessThan(0.95 * 40);
    }

    @Test
    void stallCountsFromDueTimeOfQueuedRequests() throws Exception {
        // Request 0 takes one second, the others 50 ms each, on a single connection. Requests 1 to 9
        // are due every 100 ms during the stall and go out one after another once it ends.
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 1, Duration.ofSeconds(5));
        Transport transport = (index, due, timeout) -> {
            sent.add(index);
            clock.advance((index == 0 ? 1_000 : 50) * MS);
            return CompletableFuture.completedFuture(202);
        };

        StepResult result = generator.run(10, ONE_SECOND, transport, 202);

        // Request k (1 to 9) is due at 100k ms and completed at 1000 + 50k ms: 1000 - 50k ms late.
        assertThat(result.maxMs()).isCloseTo(1_000, within(1.0));
        assertThat(result.p50Ms()).isCloseTo(750, within(1.0));
        assertThat(result.p99Ms()).isCloseTo(1_000, within(1.0));
        assertThat(result.succeeded()).isEqualTo(10);
        // Successes from 1000 to 1450 ms, plus one 100 ms interval: the server's 20/s after the stall.
        assertThat(result.achievedPerSecond()).isCloseTo(10 / 0.55, within(0.01));
        assertThat(sent).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void otherStatusesAndFailuresAreErrors() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 8, Duration.ofSeconds(5));
        Transport transport = (index, due, timeout) -> switch ((int) (index % 4)) {
            case 0, 1 -> CompletableFuture.completedFuture(202);
            case 2 -> CompletableFuture.completedFuture(429);
            default -> CompletableFuture.failedFuture(new HttpTimeoutException("request timed out"));
        };

        StepResult result = generator.run(20, ONE_SECOND, transport, 202);

        assertThat(result.requests()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(10);
        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.errorKinds()).isEqualTo(Map.of("429", 5L, "timeout", 5L));
        assertThat(result.toLatencyPoint().errorShare()).isEqualTo(0.5);
    }

    @Test
    void requestQueuedPastTimeoutIsNotSent() throws Exception {
        // Request 0 keeps the only connection busy until 500 ms. By then requests 1 and 2 have waited the
        // whole 300 ms timeout and count as timed out; 3 and 4 go out late.
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 1, Duration.ofMillis(300));
        CompletableFuture<Integer> first = new CompletableFuture<>();
        clock.at(500 * MS, () -> first.complete(202));
        Transport transport = (index, due, timeout) -> {
            sent.add(index);
            return index == 0 ? first : CompletableFuture.completedFuture(202);
        };

        StepResult result = generator.run(10, ONE_SECOND, transport, 202);

        assertThat(sent).containsExactly(0L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(result.errorKinds()).isEqualTo(Map.of("timeout", 2L));
        assertThat(result.succeeded()).isEqualTo(8);
        assertThat(result.maxMs()).isCloseTo(500, within(1.0));
    }

    @Test
    void unansweredRequestCountsAfterDrain() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 4, Duration.ofMillis(200));
        Transport transport = (index, due, timeout) -> index == 0
                ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(202);

        StepResult result = generator.run(10, ONE_SECOND, transport, 202);

        // The step ends at 1 s and the drain waits twice the timeout for request 0.
        assertThat(result.errorKinds()).isEqualTo(Map.of("no response", 1L));
        assertThat(result.succeeded()).isEqualTo(9);
        assertThat(result.maxMs()).isCloseTo(1_400, within(2.0));
        assertThat(clock.nanoTime()).isEqualTo(1_400 * MS);
    }

    @Test
    void transportExceptionIsAnError() throws Exception {
        OpenLoopGenerator generator = new OpenLoopGenerator(clock, 1, Duration.ofSeconds(1));
        Transport transport = (index, due, timeout) -> {
            throw new IllegalArgumentException("bad request " + index);
        };

        StepResult result = generator.run(5, ONE_SECOND, transport, 202);

        assertThat(result.errorKinds()).isEqualTo(Map.of("IllegalArgumentException", 5L));
    }
}
