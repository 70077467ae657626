package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderTrackerTest {

    @Test
    void pauseDoublesWithUnchangedAnswersUpToTwoSeconds() {
        assertThat(OrderTracker.unchangedPause(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(OrderTracker.unchangedPause(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(OrderTracker.unchangedPause(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(OrderTracker.unchangedPause(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OrderTracker.unchangedPause(500)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void firstReservedAnswerAsksForAnAction() {
        TrackedOrder order = new TrackedOrder("o1", "alice", "token");

        boolean actOnSubmitted = order.observe(observation("SUBMITTED", 1));
        boolean actOnReserved = order.observe(observation(OrderStatuses.RESERVED, 2));
        boolean actAgain = order.observe(observation(OrderStatuses.RESERVED, 2));

        assertThat(actOnSubmitted).isFalse();
        assertThat(actOnReserved).isTrue();
        assertThat(actAgain).isFalse();
        assertThat(order.lastVersion()).isEqualTo(2);
        assertThat(order.done()).isNotDone();
    }

    @Test
    void terminalAnswerEndsTracking() {
        TrackedOrder order = new TrackedOrder("o1", "alice", "token");

        order.observe(observation(OrderStatuses.RESERVED, 2));
        order.observe(observation(OrderStatuses.EXPIRED, 3));
        order.observe(observation(OrderStatuses.CONFIRMED, 4));

        assertThat(order.done()).isDone();
        assertThat(order.trace().decision().status()).isEqualTo(OrderStatuses.RESERVED);
        assertThat(order.trace().finalObservation().status()).isEqualTo(OrderStatuses.EXPIRED);
        assertThat(order.trace().last().status()).isEqualTo(OrderStatuses.CONFIRMED);
    }

    @Test
    void newVersionResetsTheUnchangedCount() {
        TrackedOrder order = new TrackedOrder("o1", "alice", "token");
        order.countUnchangedAnswer();
        order.countUnchangedAnswer();

        order.observe(observation("SUBMITTED", 1));

        assertThat(order.countUnchangedAnswer()).isEqualTo(1);
    }

    private static OrderObservation observation(String status, long version) {
        return new OrderObservation("o1", "sku-a", 1, status, null, version, null, null);
    }
}
