package com.flashsale.launcher.bench.load;

import java.util.concurrent.locks.LockSupport;

/** The monotonic clock of the load generator, which tests replace with a clock they move by hand. */
public interface NanoClock {

    /** The system's monotonic clock; {@link #parkUntil} parks the thread. */
    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkUntil(long deadlineNanos) throws InterruptedException {
            long remaining;
            while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException("Interrupted while waiting for the next request's due time");
                }
            }
        }
    };

    /** Returns the current time in nanoseconds, comparable only with other values of this clock. */
    long nanoTime();

    /** Blocks until {@link #nanoTime()} reaches {@code deadlineNanos}; returns at once when it has passed. */
    void parkUntil(long deadlineNanos) throws InterruptedException;
}
