package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldActionPlanTest {

    @ParameterizedTest(name = "pay {0}, cancel {1}, {2} reservations")
    @CsvSource({"0.5, 0.2, 10", "0.5, 0.2, 250", "0.7, 0.3, 10", "0.0, 0.0, 7", "1.0, 0.0, 9", "0.1, 0.1, 30"})
    void everyShareStaysWithinOneOfItsRatio(double payRatio, double cancelRatio, int reservations) {
        HoldActionPlan plan = new HoldActionPlan(payRatio, cancelRatio);
        Map<HoldAction, Integer> counts = new EnumMap<>(HoldAction.class);

        for (int n = 1; n <= reservations; n++) {
            counts.merge(plan.next(), 1, Integer::sum);

            assertThat(Math.abs(counts.getOrDefault(HoldAction.PAY, 0) - n * payRatio)).as("paid after %d", n)
                    .isLessThan(1.0);
            assertThat(Math.abs(counts.getOrDefault(HoldAction.CANCEL, 0) - n * cancelRatio)).as("cancelled after %d", n)
                    .isLessThan(1.0);
        }
    }

    @Test
    void firstReservationsMixTheActions() {
        HoldActionPlan plan = new HoldActionPlan(0.5, 0.2);

        assertThat(new HoldAction[] {plan.next(), plan.next(), plan.next()})
                .containsExactly(HoldAction.PAY, HoldAction.LET_EXPIRE, HoldAction.CANCEL);
    }

    @Test
    void ratiosAboveOneInTotalAreRejected() {
        assertThatThrownBy(() -> new HoldActionPlan(0.8, 0.3)).isInstanceOf(IllegalArgumentException.class);
    }
}
