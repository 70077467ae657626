package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    private static final long MILLISECOND = 1_000_000L;

    @Test
    void percentilesUseNearestRank() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i * MILLISECOND);
        }
        Collections.shuffle(samples);

        LatencySummary summary = LatencySummary.ofNanos(samples);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Millis()).isEqualTo(50.0);
        assertThat(summary.p99Millis()).isEqualTo(99.0);
        assertThat(summary.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void singleSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.ofNanos(List.of(7 * MILLISECOND));

        assertThat(summary.p50Millis()).isEqualTo(7.0);
        assertThat(summary.p99Millis()).isEqualTo(7.0);
        assertThat(summary.maxMillis()).isEqualTo(7.0);
    }

    @Test
    void p99OfSmallSampleIsItsMaximum() {
        LatencySummary summary = LatencySummary.ofNanos(List.of(MILLISECOND, 2 * MILLISECOND, 30 * MILLISECOND));

        assertThat(summary.p50Millis()).isEqualTo(2.0);
        assertThat(summary.p99Millis()).isEqualTo(30.0);
    }

    @Test
    void noSamplesGiveZeros() {
        LatencySummary summary = LatencySummary.ofNanos(List.of());

        assertThat(summary.count()).isZero();
        assertThat(summary.maxMillis()).isZero();
    }
}
