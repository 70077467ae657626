package com.flashsale.ingest.core.limits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Caps the distinct orders that one shopper has open for one SKU: an order counts while its
 * acknowledgement is pending and for {@code window} after it. Orders are told apart by
 * {@code clientRequestId}, so a double tap or a retry of the same order never counts twice.
 *
 * <p>The table holds at most {@code maxKeys} user-SKU pairs. A pair whose orders have all expired
 * is dropped when a new pair needs room; when none can be dropped, the new pair gets
 * {@link Decision.Outcome#TABLE_FULL}. One lock guards the table.
 */
public final class OpenOrders {

    /** Expiry of an order whose acknowledgement is still pending. */
    private static final long PENDING = Long.MAX_VALUE;
    static final int EVICTION_SCAN = 4;

    private record Key(String userId, String skuId) {
    }

    private final int maxOpen;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    /** clientRequestId to the nanoTime when the order stops counting, per user and SKU. */
    private final LinkedHashMap<Key, Map<String, Long>> open = new LinkedHashMap<>(64, 0.75f, true);

    public OpenOrders(int maxOpen, Duration window, int maxKeys, LongSupplier nanoClock) {
        this.maxOpen = maxOpen;
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /**
     * Records the order as pending unless the user already has {@code maxOpen} other orders open
     * for the SKU. A repeat of an open order is granted and changes nothing.
     */
    public synchronized Decision tryOpen(String userId, String skuId, String clientRequestId) {
        long now = nanoClock.getAsLong();
        Key key = new Key(userId, skuId);
        Map<String, Long> orders = open.get(key);
        if (orders == null) {
            evictExpired(now);
            if (open.size() >= maxKeys) {
                return Decision.tableFull();
            }
            orders = new HashMap<>();
            open.put(key, orders);
        }
        orders.values().removeIf(expiry -> expiry <= now);

        if (orders.containsKey(clientRequestId)) {
            return Decision.granted();
        }
        if (orders.size() >= maxOpen) {
            return Decision.limited(nanosUntilOneExpires(orders, now));
        }
        orders.put(clientRequestId, PENDING);
        return Decision.granted();
    }

    /** Starts the order's window once the broker has acknowledged it. */
    public synchronized void acknowledged(String userId, String skuId, String clientRequestId) {
        Key key = new Key(userId, skuId);
        Map<String, Long> orders = open.get(key);
        if (orders == null && open.size() < maxKeys) {
            // Only a repeat whose first request failed meanwhile gets here: it was abandoned and dropped.
            orders = new HashMap<>();
            open.put(key, orders);
        }
        if (orders != null) {
            orders.put(clientRequestId, nanoClock.getAsLong() + windowNanos);
        }
    }

    /**
     * Forgets an order whose send failed, so that the shopper's retry is not counted against them.
     * An order already acknowledged by an earlier request with the same id keeps counting.
     */
    public synchronized void abandoned(String userId, String skuId, String clientRequestId) {
        Key key = new Key(userId, skuId);
        Map<String, Long> orders = open.get(key);
        Long expiry = orders == null ? null : orders.get(clientRequestId);
        if (expiry != null && expiry == PENDING) {
            orders.remove(clientRequestId);
        }
    }

    synchronized int size() {
        return open.size();
    }

    /** A pending order becomes countable for a whole window after its acknowledgement, so it is waited for as one. */
    private long nanosUntilOneExpires(Map<String, Long> orders, long now) {
        long earliest = orders.values().stream().mapToLong(Long::longValue).min().orElse(PENDING);
        return earliest == PENDING ? windowNanos : earliest - now;
    }

    private void evictExpired(long now) {
        Iterator<Map<String, Long>> eldest = open.values().iterator();
        for (int i = 0; i < EVICTION_SCAN && eldest.hasNext(); i++) {
            Map<String, Long> orders = eldest.next();
            orders.values().removeIf(expiry -> expiry <= now);
            if (orders.isEmpty()) {
                eldest.remove();
            }
        }
    }
}
