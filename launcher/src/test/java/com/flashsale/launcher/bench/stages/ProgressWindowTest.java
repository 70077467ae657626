package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProgressWindowTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateCountsOnlyRecordsAfterFirstObservation() {
        ProgressWindow window = new ProgressWindow(10_500);

        window.observe(5 * SECOND, 0);
        window.observe(7 * SECOND, 500);
        window.observe(8 * SECOND, 6_000);
        window.observe(9 * SECOND, 10_500);

        assertThat(window.isComplete()).isTrue();
        assertThat(window.perSecond()).hasValueCloseTo(5_000.0, within(1e-9));
    }

    @Test
    void observationsAfterCompletionChangeNothing() {
        ProgressWindow window = new ProgressWindow(1_000);
        window.observe(SECOND, 100);
        window.observe(2 * SECOND, 1_000);

        window.observe(10 * SECOND, 1_000);

        assertThat(window.perSecond()).hasValueCloseTo(900.0, within(1e-9));
    }

    @Test
    void incompleteWindowHasNoRate() {
        ProgressWindow window = new ProgressWindow(1_000);

        window.observe(SECOND, 100);
        window.observe(2 * SECOND, 999);

        assertThat(window.isComplete()).isFalse();
        assertThat(window.lastCount()).isEqualTo(999);
        assertThat(window.perSecond()).isEmpty();
    }

    @Test
    void targetReachedAtFirstObservationHasNoRate() {
        ProgressWindow window = new ProgressWindow(1_000);

        window.observe(SECOND, 1_000);

        assertThat(window.isComplete()).isTrue();
        assertThat(window.perSecond()).isEmpty();
    }

    @Test
    void targetBelowOneIsRejected() {
        assertThatThrownBy(() -> new ProgressWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
