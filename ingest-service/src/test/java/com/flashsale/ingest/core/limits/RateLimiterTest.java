package com.flashsale.ingest.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.ingest.config.RateSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void newKeyMayUseWholeBurst() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 3), 100, clock);

        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
        Decision fourth = limiter.tryAcquire("shopper-1");

        assertThat(fourth.outcome()).isEqualTo(Decision.Outcome.LIMITED);
        assertThat(fourth.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void retryAfterRoundsWaitUpToWholeSeconds() {
        RateLimiter limiter = new RateLimiter(new RateSettings(0.25, 1), 100, clock);
        limiter.tryAcquire("shopper-1");

        Decision immediately = limiter.tryAcquire("shopper-1");
        clock.advance(Duration.ofMillis(1_500));
        Decision later = limiter.tryAcquire("shopper-1");

        assertThat(immediately.retryAfterSeconds()).isEqualTo(4);
        assertThat(later.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void bucketRefillsAtConfiguredRate() {
        RateLimiter limiter = new RateLimiter(new RateSettings(2.0, 2), 100, clock);
        limiter.tryAcquire("shopper-1");
        limiter.tryAcquire("shopper-1");

        clock.advance(Duration.ofMillis(499));
        Decision tooEarly = limiter.tryAcquire("shopper-1");
        clock.advance(Duration.ofMillis(1));
        Decision onTime = limiter.tryAcquire("shopper-1");

        assertThat(tooEarly.isGranted()).isFalse();
        assertThat(onTime.isGranted()).isTrue();
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 1), 100, clock);
        limiter.tryAcquire("shopper-1");

        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isFalse();
        assertThat(limiter.tryAcquire("shopper-2").isGranted()).isTrue();
    }

    @Test
    void refundReturnsTheToken() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 1), 100, clock);
        limiter.tryAcquire("shopper-1");

        limiter.refund("shopper-1");

        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
    }

    @Test
    void refundNeverExceedsBurst() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 2), 100, clock);

        limiter.refund("shopper-1");
        limiter.tryAcquire("shopper-1");
        limiter.refund("shopper-1");
        limiter.refund("shopper-1");

        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isTrue();
        assertThat(limiter.tryAcquire("shopper-1").isGranted()).isFalse();
    }

    @Test
    void idleBucketsAreEvictedForNewKeys() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 1), 3, clock);
        limiter.tryAcquire("shopper-1");
        limiter.tryAcquire("shopper-2");
        limiter.tryAcquire("shopper-3");

        clock.advance(Duration.ofSeconds(1));
        Decision newcomer = limiter.tryAcquire("shopper-4");

        assertThat(newcomer.isGranted()).isTrue();
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void fullTableOfActiveBucketsRejectsNewKey() {
        RateLimiter limiter = new RateLimiter(new RateSettings(1.0, 1), 3, clock);
        limiter.tryAcquire("shopper-1");
        limiter.tryAcquire("shopper-2");
        limiter.tryAcquire("shopper-3");

        Decision newcomer = limiter.tryAcquire("shopper-4");

        assertThat(newcomer.outcome()).isEqualTo(Decision.Outcome.TABLE_FULL);
        assertThat(limiter.size()).isEqualTo(3);
        assertThat(limiter.tryAcquire("shopper-1").outcome()).isEqualTo(Decision.Outcome.LIMITED);
    }

    @Test
    void manyDistinctKeysStayWithinMaxKeys() {
        RateLimiter limiter = new RateLimiter(new RateSettings(10.0, 1), 50, clock);
        int rejected = 0;

        for (int i = 0; i < 10_000; i++) {
            if (!limiter.tryAcquire("address-" + i).isGranted()) {
                rejected++;
            }
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(rejected).isZero();
        assertThat(limiter.size()).isLessThanOrEqualTo(50);
    }
}
