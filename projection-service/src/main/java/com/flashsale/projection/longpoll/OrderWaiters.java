package com.flashsale.projection.longpoll;

import com.flashsale.projection.core.OrderChangeListener;
import com.flashsale.projection.db.OrderRow;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order queries waiting for a change, grouped by order id. A waiting query holds no thread and no
 * database connection: one scheduler thread runs the timeouts and, after the consumer reports a
 * committed change, reads the order's row once and answers every query that row satisfies.
 */
public class OrderWaiters implements OrderChangeListener, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(OrderWaiters.class);

    private final int maxWaiting;
    private final Function<String, Optional<OrderRow>> reader;
    private final Map<String, Set<Waiter>> waitersByOrder = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "order-waiters");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param maxWaiting maximum number of queries waiting at once
     * @param reader reads an order's row; it is called on the scheduler thread and on the caller of
     *               {@link #await}
     */
    public OrderWaiters(int maxWaiting, Function<String, Optional<OrderRow>> reader) {
        this.maxWaiting = maxWaiting;
        this.reader = reader;
    }

    /**
     * Registers a query, then reads the row once, so that a change committed just before the
     * registration is not missed. The query is answered at once when that row satisfies it, on
     * the first later change that does, or with the row of that moment after the timeout.
     *
     * @return false, registering nothing, when {@code maxWaiting} queries are waiting already
     */
    public boolean await(OrderWatch watch, Duration timeout) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        Waiter waiter = new Waiter(watch);
        // Adding inside compute keeps finish() from dropping the set between lookup and add.
        waitersByOrder.compute(watch.orderId(), (id, waiters) -> {
            Set<Waiter> set = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            set.add(waiter);
            return set;
        });
        try {
            waiter.timeout = scheduler.schedule(() -> expire(waiter), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            finish(waiter, () -> watch.fail(new ServiceStoppingException()));
            return true;
        }

        Optional<OrderRow> row = read(waiter);
        if (row != null && row.isPresent() && watch.isSatisfiedBy(row.get())) {
            finish(waiter, () -> watch.answer(row));
        }
        return true;
    }

    /** Number of queries waiting now. */
    public int waitingCount() {
        return waiting.get();
    }

    @Override
    public void orderChanged(String orderId) {
        if (!waitersByOrder.containsKey(orderId)) {
            return;
        }
        try {
            scheduler.execute(() -> wake(orderId));
        } catch (RejectedExecutionException e) {
            // The service is stopping, and stop() completes the waiting queries.
        }
    }

    @Override
    public void start() {
    }

    /** Completes every waiting query with 503, because no change or timeout will come any more. */
    @Override
    public void stop() {
        scheduler.shutdownNow();
        List<Waiter> remaining = waitersByOrder.values().stream().flatMap(Set::stream).toList();
        remaining.forEach(waiter -> finish(waiter, () -> waiter.watch.fail(new ServiceStoppingException())));
        if (!remaining.isEmpty()) {
            LOG.info("Answered waiting order queries on shutdown count={}", remaining.size());
        }
    }

    private void wake(String orderId) {
        Set<Waiter> waiters = waitersByOrder.get(orderId);
        if (waiters == null || waiters.isEmpty()) {
            return;
        }
        Optional<OrderRow> row;
        try {
            row = reader.apply(orderId);
        } catch (RuntimeException e) {
            // The queries stay registered, and their timeouts answer them.
            LOG.warn("Reading a changed order failed orderId={}", orderId, e);
            return;
        }
        if (row.isEmpty()) {
            return;
        }
        for (Waiter waiter : waiters) {
            if (waiter.watch.isSatisfiedBy(row.get())) {
                finish(waiter, () -> waiter.watch.answer(row));
            }
        }
    }

    private void expire(Waiter waiter) {
        Optional<OrderRow> row = read(waiter);
        if (row != null) {
            finish(waiter, () -> waiter.watch.answer(row));
        }
    }

    /** Reads the waiter's row; on failure answers the waiter with the error and returns null. */
    private Optional<OrderRow> read(Waiter waiter) {
        try {
            return reader.apply(waiter.watch.orderId());
        } catch (RuntimeException e) {
            finish(waiter, () -> waiter.watch.fail(e));
            return null;
        }
    }

    /** Unregisters the waiter and runs its response once: the {@code finished} flag stops every later path. */
    private void finish(Waiter waiter, Runnable answer) {
        if (!waiter.finished.compareAndSet(false, true)) {
            return;
        }
        waitersByOrder.computeIfPresent(waiter.watch.orderId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
        waiting.decrementAndGet();
        ScheduledFuture<?> timeout = waiter.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        try {
            answer.run();
        } catch (RuntimeException e) {
            LOG.warn("Answering a waiting order query failed orderId={}", waiter.watch.orderId(), e);
        }
    }

    private static final class Waiter {

        private final OrderWatch watch;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile ScheduledFuture<?> timeout;

        Waiter(OrderWatch watch) {
            this.watch = watch;
        }
    }
}
