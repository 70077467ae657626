package com.flashsale.ingest.core.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenOrdersTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final OpenOrders openOrders = new OpenOrders(2, WINDOW, 100, clock);

    @Test
    void ordersBeyondCapAreLimited() {
        assertThat(openOrders.tryOpen("shopper-1", "sku-1", "tap-1").isGranted()).isTrue();
        assertThat(openOrders.tryOpen("shopper-1", "sku-1", "tap-2").isGranted()).isTrue();

        Decision third = openOrders.tryOpen("shopper-1", "sku-1", "tap-3");

        assertThat(third.outcome()).isEqualTo(Decision.Outcome.LIMITED);
    }

    @Test
    void repeatOfOpenOrderDoesNotCount() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");

        Decision doubleTap = openOrders.tryOpen("shopper-1", "sku-1", "tap-2");
        Decision retry = openOrders.tryOpen("shopper-1", "sku-1", "tap-1");

        assertThat(doubleTap.isGranted()).isTrue();
        assertThat(retry.isGranted()).isTrue();
    }

    @Test
    void capIsPerUserAndSku() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");

        assertThat(openOrders.tryOpen("shopper-1", "sku-2", "tap-3").isGranted()).isTrue();
        assertThat(openOrders.tryOpen("shopper-2", "sku-1", "tap-3").isGranted()).isTrue();
    }

    @Test
    void acknowledgedOrderCountsForWindowAfterAcknowledgement() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");
        clock.advance(Duration.ofSeconds(10));
        openOrders.acknowledged("shopper-1", "sku-1", "tap-1");
        openOrders.acknowledged("shopper-1", "sku-1", "tap-2");

        clock.advance(WINDOW.minusSeconds(1));
        Decision beforeExpiry = openOrders.tryOpen("shopper-1", "sku-1", "tap-3");
        clock.advance(Duration.ofSeconds(1));
        Decision afterExpiry = openOrders.tryOpen("shopper-1", "sku-1", "tap-3");

        assertThat(beforeExpiry.outcome()).isEqualTo(Decision.Outcome.LIMITED);
        assertThat(beforeExpiry.retryAfterSeconds()).isEqualTo(1);
        assertThat(afterExpiry.isGranted()).isTrue();
    }

    @Test
    void pendingOrdersNeverExpire() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");

        clock.advance(WINDOW.multipliedBy(10));
        Decision third = openOrders.tryOpen("shopper-1", "sku-1", "tap-3");

        assertThat(third.outcome()).isEqualTo(Decision.Outcome.LIMITED);
        assertThat(third.retryAfterSeconds()).isEqualTo(WINDOW.toSeconds());
    }

    @Test
    void abandonedOrderFreesItsPlace() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");

        openOrders.abandoned("shopper-1", "sku-1", "tap-2");

        assertThat(openOrders.tryOpen("shopper-1", "sku-1", "tap-3").isGranted()).isTrue();
    }

    @Test
    void failedRepeatKeepsAcknowledgedOrder() {
        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.acknowledged("shopper-1", "sku-1", "tap-1");
        openOrders.tryOpen("shopper-1", "sku-1", "tap-2");

        openOrders.tryOpen("shopper-1", "sku-1", "tap-1");
        openOrders.abandoned("shopper-1", "sku-1", "tap-1");

        assertThat(openOrders.tryOpen("shopper-1", "sku-1", "tap-3").outcome()).isEqualTo(Decision.Outcome.LIMITED);
    }

    @Test
    void expiredPairsAreEvictedAndTableStaysBounded() {
        OpenOrders small = new OpenOrders(1, WINDOW, 10, clock);
        int rejected = 0;

        for (int i = 0; i < 1_000; i++) {
            if (!small.tryOpen("shopper-" + i, "sku-1", "tap-1").isGranted()) {
                rejected++;
            }
            small.acknowledged("shopper-" + i, "sku-1", "tap-1");
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(rejected).isZero();
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void fullTableOfOpenOrdersRejectsNewPair() {
        OpenOrders small = new OpenOrders(1, WINDOW, 2, clock);
        small.tryOpen("shopper-1", "sku-1", "tap-1");
        small.tryOpen("shopper-2", "sku-1", "tap-1");

        Decision newcomer = small.tryOpen("shopper-3", "sku-1", "tap-1");

        assertThat(newcomer.outcome()).isEqualTo(Decision.Outcome.TABLE_FULL);
    }
}
