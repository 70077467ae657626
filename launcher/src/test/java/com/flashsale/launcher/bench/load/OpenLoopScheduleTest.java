package com.flashsale.launcher.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long MS = 1_000_000;

    @Test
    void requestsAreEvenlySpacedFromStart() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(1_000, 200, Duration.ofSeconds(1));

        assertThat(schedule.count()).isEqualTo(200);
        assertThat(schedule.dueAt(0)).isEqualTo(1_000);
        assertThat(schedule.dueAt(1)).isEqualTo(1_000 + 5 * MS);
        assertThat(schedule.dueAt(199)).isEqualTo(1_000 + 995 * MS);
        assertThat(schedule.endNanos()).isEqualTo(1_000 + 1_000 * MS);
    }

    @Test
    void roundingDoesNotAccumulate() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 3, Duration.ofSeconds(1_000));

        assertThat(schedule.count()).isEqualTo(3_000);
        assertThat(schedule.dueAt(1)).isEqualTo(333_333_333);
        assertThat(schedule.dueAt(2_999)).isEqualTo(999_666_666_667L);
        assertThat(schedule.endNanos()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void fractionalCountRoundsToWholeRequests() {
        assertThat(OpenLoopSchedule.of(0, 2_500, Duration.ofMillis(2_500)).count()).isEqualTo(6_250);
        assertThat(OpenLoopSchedule.of(0, 3, Duration.ofMillis(500)).count()).isEqualTo(2);
    }

    @Test
    void invalidRateIsRejected() {
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, Double.NaN, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexOutsideScheduleIsRejected() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 10, Duration.ofSeconds(1));

        assertThatThrownBy(() -> schedule.dueAt(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
