package com.flashsale.launcher.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * A clock that moves only when the generator parks or a test advances it. Actions scheduled with
 * {@link #at} run in the thread that moves the clock past their time, in time order.
 */
final class FakeClock implements NanoClock {

    private long now;
    private final TreeMap<Long, Runnable> actions = new TreeMap<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        advanceTo(deadlineNanos);
    }

    /** Moves the clock forward by {@code nanos}, as work that takes that long would. */
    void advance(long nanos) {
        advanceTo(nanoTime() + nanos);
    }

    /** Runs {@code action} when the clock reaches {@code nanos}. */
    synchronized void at(long nanos, Runnable action) {
        actions.put(nanos, action);
    }

    private void advanceTo(long target) {
        while (true) {
            Map.Entry<Long, Runnable> next;
            synchronized (this) {
                next = actions.firstEntry();
                if (next == null || next.getKey() > target) {
                    now = Math.max(now, target);
                    return;
                }
                actions.remove(next.getKey());
                now = Math.max(now, next.getKey());
            }
            next.getValue().run();
        }
    }
}
