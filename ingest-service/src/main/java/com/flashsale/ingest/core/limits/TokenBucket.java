package com.flashsale.ingest.core.limits;

/**
 * A token bucket that holds up to {@code capacity} tokens and gains {@code permitsPerSecond}
 * continuously. Times are {@link System#nanoTime()} values. Not thread-safe: {@link RateLimiter}
 * uses it only under its own lock.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(double capacity, double permitsPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = permitsPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes one token and returns 0, or returns the nanoseconds until one will be available. */
    long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Puts back a token taken for a request that was rejected later, so rejected requests cost no quota. */
    void refund(long nowNanos) {
        refill(nowNanos);
        tokens = Math.min(capacity, tokens + 1);
    }

    /** A full bucket behaves exactly like a new one, so it can be dropped without changing any decision. */
    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedNanos = nowNanos;
        }
    }
}
