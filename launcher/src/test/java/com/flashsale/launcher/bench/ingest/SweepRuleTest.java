package com.flashsale.launcher.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.launcher.bench.LatencyPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepRuleTest {

    private static final LatencyPoint KEPT_UP = new LatencyPoint(1_000, 990, 2, 20, 40, 8_000, 0);
    private static final LatencyPoint FELL_BEHIND = new LatencyPoint(2_000, 1_500, 800, 3_000, 3_500, 16_000, 0);

    @Test
    void stepThatKeptUpIsSustained() {
        assertThat(SweepRule.sustained(KEPT_UP)).isTrue();
    }

    @Test
    void lowAchievedRateIsNotSustained() {
        assertThat(SweepRule.sustained(new LatencyPoint(1_000, 940, 2, 20, 40, 8_000, 0))).isFalse();
    }

    @Test
    void errorsAboveOnePercentAreNotSustained() {
        assertThat(SweepRule.sustained(new LatencyPoint(1_000, 990, 2, 20, 40, 8_000, 81))).isFalse();
        assertThat(SweepRule.sustained(new LatencyPoint(1_000, 990, 2, 20, 40, 8_000, 80))).isTrue();
    }

    @Test
    void p99AboveOneSecondIsNotSustained() {
        assertThat(SweepRule.sustained(new LatencyPoint(1_000, 1_000, 2, 1_001, 1_100, 8_000, 0))).isFalse();
    }

    @Test
    void sweepStopsAfterTwoUnsustainedSteps() {
        assertThat(SweepRule.shouldStop(List.of())).isFalse();
        assertThat(SweepRule.shouldStop(List.of(KEPT_UP, FELL_BEHIND))).isFalse();
        assertThat(SweepRule.shouldStop(List.of(KEPT_UP, FELL_BEHIND, KEPT_UP))).isFalse();
        assertThat(SweepRule.shouldStop(List.of(KEPT_UP, FELL_BEHIND, KEPT_UP, FELL_BEHIND))).isTrue();
        assertThat(SweepRule.shouldStop(List.of(FELL_BEHIND, FELL_BEHIND))).isTrue();
    }
}
