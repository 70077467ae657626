package com.flashsale.processor.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a stream thread that died of an exception the record handlers did not
 * take. A broker failover can kill a thread (a transaction that timed out, a coordinator that moved),
 * and under exactly-once a replacement thread resumes from the last committed transaction, so the
 * thread is replaced. A thread that keeps dying points at something a restart will not fix, so after
 * {@code maxReplacements} within {@code window} the client shuts down and the health check reports it.
 */
public final class ThreadReplacementPolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacementPolicy.class);

    private final String applicationId;
    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recentReplacements = new ArrayDeque<>();

    public ThreadReplacementPolicy(String applicationId, int maxReplacements, Duration window, Clock clock) {
        this.applicationId = applicationId;
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!recentReplacements.isEmpty() && recentReplacements.peekFirst().isBefore(now.minus(window))) {
            recentReplacements.removeFirst();
        }

        if (recentReplacements.size() >= maxReplacements) {
            LOG.error("Stream thread died again after {} replacements within {}, stopping Kafka Streams applicationId={}",
                    recentReplacements.size(), window, applicationId, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }

        recentReplacements.addLast(now);
        LOG.warn("Stream thread died, replacing it (replacement {} of at most {} within {}) applicationId={}",
                recentReplacements.size(), maxReplacements, window, applicationId, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
