package com.flashsale.processor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.processor.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementPolicyTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void replacesThreadsUpToTheBudgetThenStops() {
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy("app", 3, Duration.ofMinutes(10), fixed(START));

        for (int i = 0; i < 3; i++) {
            assertThat(policy.handle(new TimeoutException("failover"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }

        assertThat(policy.handle(new TimeoutException("again"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void replacementsOutsideTheWindowNoLongerCount() {
        MutableClock clock = new MutableClock(START);
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy("app", 2, Duration.ofMinutes(10), clock);
        policy.handle(new TimeoutException("first"));
        policy.handle(new TimeoutException("second"));

        clock.advance(Duration.ofMinutes(11));

        assertThat(policy.handle(new TimeoutException("third"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
