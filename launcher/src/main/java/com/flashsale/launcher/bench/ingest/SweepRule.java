package com.flashsale.launcher.bench.ingest;

import com.flashsale.launcher.bench.LatencyPoint;
import com.flashsale.launcher.bench.RateSweep;
import java.util.List;

/** When a step counts as sustained, and when an endpoint's sweep stops. */
public final class SweepRule {

    private SweepRule() {
    }

    /**
     * Returns whether the step kept up, by the criteria of {@link RateSweep#maxSustainablePerSecond()}:
     * achieved rate, error share and p99.
     */
    public static boolean sustained(LatencyPoint point) {
        return point.achievedPerSecond() >= RateSweep.MIN_ACHIEVED_SHARE * point.offeredPerSecond()
                && point.errorShare() <= RateSweep.MAX_ERROR_SHARE
                && point.p99Ms() <= RateSweep.MAX_P99_MS;
    }

    /** Returns whether the sweep has seen {@link SweepPlan#UNSUSTAINED_STEPS_TO_STOP} unsustained steps. */
    public static boolean shouldStop(List<LatencyPoint> points) {
        long unsustained = points.stream().filter(point -> !sustained(point)).count();
        return unsustained >= SweepPlan.UNSUSTAINED_STEPS_TO_STOP;
    }
}
