package com.flashsale.launcher.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    @Test
    void fullPlanFitsItsBudget() {
        SweepPlan plan = SweepPlan.full();

        assertThat(plan.longestMeasuring()).isLessThanOrEqualTo(Duration.ofSeconds(210));
        assertThat(plan.step()).isEqualTo(Duration.ofSeconds(8));
        assertThat(plan.rates()).startsWith(200.0, 400.0, 800.0, 1_200.0, 1_600.0, 2_400.0, 3_200.0);
        assertThat(plan.maxRate()).isEqualTo(9_600.0);
    }

    @Test
    void quickPlanFitsItsBudget() {
        SweepPlan plan = SweepPlan.quick();

        assertThat(plan.longestMeasuring()).isLessThanOrEqualTo(Duration.ofSeconds(25));
        assertThat(plan.rates()).hasSizeBetween(3, 4);
    }

    @Test
    void fallingRatesAreRejected() {
        assertThatThrownBy(() -> new SweepPlan(100, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(200.0, 100.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must rise");
    }

    @Test
    void warmUpRateCountsTowardsMaxRate() {
        SweepPlan plan = new SweepPlan(500, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of(100.0, 200.0));

        assertThat(plan.maxRate()).isEqualTo(500.0);
        assertThat(plan.longestMeasuring()).isEqualTo(Duration.ofSeconds(6));
    }
}
