package com.flashsale.launcher.demo;

/**
 * Assigns an action to each reservation in the order the demo observes them. Each reservation goes to
 * the action furthest below its share, so after n reservations every action's count is within one
 * of n times its ratio, whenever the run stops. Thread-safe.
 */
public final class HoldActionPlan {

    private final double payRatio;
    private final double cancelRatio;
    private final double expireRatio;
    private long assigned;
    private long paid;
    private long cancelled;
    private long expired;

    public HoldActionPlan(double payRatio, double cancelRatio) {
        if (payRatio < 0 || cancelRatio < 0 || payRatio + cancelRatio > 1) {
            throw new IllegalArgumentException("Ratios must be at least 0 and add up to at most 1, got pay "
                    + payRatio + " and cancel " + cancelRatio);
        }
        this.payRatio = payRatio;
        this.cancelRatio = cancelRatio;
        this.expireRatio = 1 - payRatio - cancelRatio;
    }

    public synchronized HoldAction next() {
        assigned++;
        double payDeficit = assigned * payRatio - paid;
        double cancelDeficit = assigned * cancelRatio - cancelled;
        double expireDeficit = assigned * expireRatio - expired;
        if (payDeficit >= cancelDeficit && payDeficit >= expireDeficit) {
            paid++;
            return HoldAction.PAY;
        }
        if (cancelDeficit >= expireDeficit) {
            cancelled++;
            return HoldAction.CANCEL;
        }
        expired++;
        return HoldAction.LET_EXPIRE;
    }
}
