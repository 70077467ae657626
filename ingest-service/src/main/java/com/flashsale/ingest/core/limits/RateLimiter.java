package com.flashsale.ingest.core.limits;

import com.flashsale.ingest.config.RateSettings;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a user id or a client address), kept in memory. The table holds at most
 * {@code maxKeys} buckets. Each new key first drops idle (full) buckets from the least recently used
 * end; when the table is still full, the new key gets {@link Decision.Outcome#TABLE_FULL} rather than
 * a bucket taken from an active client.
 *
 * <p>One lock guards the table. Each call does constant work, so the lock is held for microseconds.
 */
public final class RateLimiter {

    /** Least recently used buckets examined for eviction per new key. */
    static final int EVICTION_SCAN = 4;

    private final double capacity;
    private final double permitsPerSecond;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, TokenBucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    /**
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public RateLimiter(RateSettings settings, int maxKeys, LongSupplier nanoClock) {
        this.capacity = settings.getBurst();
        this.permitsPerSecond = settings.getPermitsPerSecond();
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** Takes one token from the key's bucket, creating the bucket full when the key is new. */
    public synchronized Decision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            evictIdle(now);
            if (buckets.size() >= maxKeys) {
                return Decision.tableFull();
            }
            bucket = new TokenBucket(capacity, permitsPerSecond, now);
            buckets.put(key, bucket);
        }
        long waitNanos = bucket.tryTake(now);
        return waitNanos == 0 ? Decision.granted() : Decision.limited(waitNanos);
    }

    /** Returns the token of a granted request that a later check rejected. */
    public synchronized void refund(String key) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.refund(nanoClock.getAsLong());
        }
    }

    synchronized int size() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        Iterator<TokenBucket> eldest = buckets.values().iterator();
        for (int i = 0; i < EVICTION_SCAN && eldest.hasNext(); i++) {
            if (eldest.next().isFull(now)) {
                eldest.remove();
            }
        }
    }
}
