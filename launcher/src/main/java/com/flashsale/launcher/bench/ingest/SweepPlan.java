package com.flashsale.launcher.bench.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The rates of the ingest sweep: a warm-up of each endpoint, then one step per rate, rising.
 *
 * @param warmUpPerSecond rate of the warm-up, which is not measured
 * @param productWarmUp   warm-up of {@code POST /v1/orders}, which also warms the code both endpoints share
 * @param baselineWarmUp  warm-up of the baseline endpoint
 * @param step            length of each measured step
 * @param rates           offered requests per second of the steps, rising
 */
public record SweepPlan(double warmUpPerSecond, Duration productWarmUp, Duration baselineWarmUp, Duration step,
                        List<Double> rates) {

    /** Unsustained steps after which an endpoint's sweep stops, because higher rates would only queue more. */
    public static final int UNSUSTAINED_STEPS_TO_STOP = 2;

    public SweepPlan {
        rates = List.copyOf(rates);
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                throw new IllegalArgumentException("The rates must rise, got " + rates);
            }
        }
    }

    /** About 3 minutes of measuring at most: 30 s of warm-up and up to ten 8 s steps per endpoint. */
    public static SweepPlan full() {
        return new SweepPlan(400, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(8),
                List.of(200.0, 400.0, 800.0, 1_200.0, 1_600.0, 2_400.0, 3_200.0, 4_800.0, 6_400.0, 9_600.0));
    }

    /** About 24 s of measuring at most: 4 s of warm-up and four 2.5 s steps per endpoint. */
    public static SweepPlan quick() {
        return new SweepPlan(400, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(2_500),
                List.of(400.0, 1_200.0, 2_400.0, 4_800.0));
    }

    public double maxRate() {
        return rates.isEmpty() ? warmUpPerSecond : Math.max(warmUpPerSecond, rates.get(rates.size() - 1));
    }

    /** Returns the longest time the plan can take without drains: both warm-ups and every step of both endpoints. */
    public Duration longestMeasuring() {
        return productWarmUp.plus(baselineWarmUp).plus(step.multipliedBy(2L * rates.size()));
    }
}
