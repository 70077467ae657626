package com.flashsale.launcher.bench.load;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An open-loop load generator: it sends requests at a constant rate from a start time, whether or
 * not earlier requests got their responses, as independent shoppers would. At most
 * {@code maxInFlight} requests are outstanding, like a fixed pool of connections. A request that
 * is due while all of them are busy waits in a queue, and that wait counts in its latency. A request
 * that waited longer than the timeout is counted as timed out without being sent.
 */
public final class OpenLoopGenerator {

    /** How often the drain at the end of a step checks for the last responses. */
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final NanoClock clock;
    private final int maxInFlight;
    private final Duration timeout;

    /**
     * @param maxInFlight requests outstanding at most, at least 1
     * @param timeout     how long a request may take from its due time before it counts as an error
     */
    public OpenLoopGenerator(NanoClock clock, int maxInFlight, Duration timeout) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
    }

    /**
     * Sends {@code ratePerSecond} requests per second for {@code duration}, then waits for every
     * outstanding response for up to twice the timeout. A request still unanswered after that counts
     * as an error with the wait so far as its latency.
     *
     * @param expectedStatus the status that counts as success, for example 202
     */
    public StepResult run(double ratePerSecond, Duration duration, Transport transport, int expectedStatus)
            throws InterruptedException {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(clock.nanoTime(), ratePerSecond, duration);
        Step step = new Step(schedule, transport, expectedStatus);
        for (long index = 0; index < schedule.count(); index++) {
            long due = schedule.dueAt(index);
            clock.parkUntil(due);
            step.offer(new Request(index, due));
        }
        step.drain(schedule.endNanos() + 2 * timeout.toNanos());
        return step.result();
    }

    /** One scheduled request; {@code finished} makes sure it is counted once. */
    private record Request(long index, long dueNanos, AtomicBoolean finished) {

        Request(long index, long dueNanos) {
            this(index, dueNanos, new AtomicBoolean());
        }
    }

    /** The counters and the queue of one step. */
    private final class Step {

        private final OpenLoopSchedule schedule;
        private final Transport transport;
        private final int expectedStatus;
        private final long windowEnd;
        private final LatencyRecorder latencies = new LatencyRecorder();
        private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
        private final Map<Long, Request> outstanding = new ConcurrentHashMap<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger queueDrainers = new AtomicInteger();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong firstSuccess = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastSuccess = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong maxSendLag = new AtomicLong();
        private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

        Step(OpenLoopSchedule schedule, Transport transport, int expectedStatus) {
            this.schedule = schedule;
            this.transport = transport;
            this.expectedStatus = expectedStatus;
            this.windowEnd = schedule.endNanos();
        }

        void offer(Request request) {
            outstanding.put(request.index(), request);
            boolean queuedBefore = !queue.isEmpty();
            if (!queuedBefore && tryAcquire()) {
                send(request, true);
                return;
            }
            queue.add(request);
            sendQueued();
        }

        /**
         * Sends queued requests while connections are free; any thread that frees one calls it. One
         * thread at a time runs the loop and the others leave a mark for it to loop again, so a
         * transport that completes at once does not recurse once per queued request.
         */
        private void sendQueued() {
            if (queueDrainers.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (missed != 0) {
                while (!queue.isEmpty() && tryAcquire()) {
                    Request next = queue.poll();
                    if (next == null) {
                        inFlight.decrementAndGet();
                        break;
                    }
                    send(next, false);
                }
                missed = queueDrainers.addAndGet(-missed);
            }
        }

        private boolean tryAcquire() {
            int current;
            do {
                current = inFlight.get();
                if (current >= maxInFlight) {
                    return false;
                }
            } while (!inFlight.compareAndSet(current, current + 1));
            return true;
        }

        private void send(Request request, boolean direct) {
            long now = clock.nanoTime();
            long waited = now - request.dueNanos();
            if (direct) {
                maxSendLag.accumulateAndGet(waited, Math::max);
            }
            if (waited >= timeout.toNanos()) {
                finish(request, now, "timeout");
                release();
                return;
            }
            CompletableFuture<Integer> response;
            try {
                response = transport.send(request.index(), request.dueNanos(), timeout);
            } catch (RuntimeException e) {
                finish(request, clock.nanoTime(), errorKind(e));
                release();
                return;
            }
            response.whenComplete((status, error) -> {
                long done = clock.nanoTime();
                if (error != null) {
                    finish(request, done, errorKind(error));
                } else if (status == expectedStatus) {
                    finish(request, done, null);
                } else {
                    finish(request, done, Integer.toString(status));
                }
                release();
            });
        }

        private void release() {
            inFlight.decrementAndGet();
            sendQueued();
        }

        /** Records the request's latency and outcome unless it was already counted; a null kind is a success. */
        private void finish(Request request, long doneNanos, String errorKind) {
            if (!request.finished().compareAndSet(false, true)) {
                return;
            }
            latencies.record(request.dueNanos(), doneNanos);
            if (errorKind == null) {
                succeeded.incrementAndGet();
                firstSuccess.accumulateAndGet(doneNanos, Math::min);
                lastSuccess.accumulateAndGet(doneNanos, Math::max);
            } else {
                errorKinds.computeIfAbsent(errorKind, kind -> new LongAdder()).increment();
            }
            outstanding.remove(request.index());
        }

        void drain(long deadlineNanos) throws InterruptedException {
            while (!outstanding.isEmpty() && clock.nanoTime() < deadlineNanos) {
                clock.parkUntil(Math.min(deadlineNanos, clock.nanoTime() + DRAIN_POLL_NANOS));
            }
            long now = clock.nanoTime();
            for (Request request : outstanding.values()) {
                finish(request, now, "no response");
            }
        }

        StepResult result() {
            Map<String, Long> kinds = new TreeMap<>();
            errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
            long errors = kinds.values().stream().mapToLong(Long::longValue).sum();
            double windowSeconds = (windowEnd - schedule.startNanos()) / 1e9;
            double spanSeconds = succeeded.get() == 0 ? 0
                    : (lastSuccess.get() - firstSuccess.get()) / 1e9 + 1 / schedule.ratePerSecond();
            return new StepResult(schedule.ratePerSecond(), windowSeconds, schedule.count(), succeeded.get(),
                    spanSeconds, errors, kinds, latencies.percentileMs(50), latencies.percentileMs(99),
                    latencies.percentileMs(99.9), latencies.maxMs(), maxSendLag.get() / 1e6);
        }
    }

    private static String errorKind(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        return cause.getClass().getSimpleName();
    }
}
