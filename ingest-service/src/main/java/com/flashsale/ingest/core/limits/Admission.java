package com.flashsale.ingest.core.limits;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request let through by {@link AdmissionControl}. It holds one in-flight permit and the quota
 * it took; exactly one of {@link #succeeded()} and {@link #failed()} takes effect, and later calls
 * do nothing, because the acknowledgement and the response timeout may race.
 */
public final class Admission {

    private final AtomicBoolean settled = new AtomicBoolean();
    private final Runnable onSuccess;
    private final Runnable onFailure;

    Admission(Runnable onSuccess, Runnable onFailure) {
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    /** Releases the permit and keeps the quota, because the broker acknowledged the write. */
    public void succeeded() {
        if (settled.compareAndSet(false, true)) {
            onSuccess.run();
        }
    }

    /** Releases the permit and returns the quota, because the client received an error and may retry. */
    public void failed() {
        if (settled.compareAndSet(false, true)) {
            onFailure.run();
        }
    }
}
