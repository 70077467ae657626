package com.flashsale.processor.lifecycle;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the KafkaStreams client with the application and closes it on shutdown. */
public class ManagedKafkaStreams implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedKafkaStreams.class);

    /**
     * Upper bound on waiting for Streams to commit and close. If shutdown takes longer, the open
     * transaction is aborted and the next start reprocesses its records under exactly-once.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** Enough for a few broker failovers in a row; a thread that dies more often than this is not recovering. */
    private static final int MAX_THREAD_REPLACEMENTS = 5;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final KafkaStreams streams;
    private final String applicationId;

    public ManagedKafkaStreams(KafkaStreams streams, String applicationId, StreamsStateTracker tracker) {
        this.streams = streams;
        this.applicationId = applicationId;
        streams.setStateListener(tracker);
        // The record handlers already dead-letter bad records, so what reaches this handler comes
        // from the environment: replace the thread a few times, then stop for the health check.
        streams.setUncaughtExceptionHandler(new ThreadReplacementPolicy(applicationId, MAX_THREAD_REPLACEMENTS,
                REPLACEMENT_WINDOW, Clock.systemUTC()));
    }

    @Override
    public void start() {
        LOG.info("Starting Kafka Streams applicationId={}", applicationId);
        streams.start();
    }

    @Override
    public void stop() {
        LOG.info("Stopping Kafka Streams applicationId={}", applicationId);
        boolean closed = streams.close(CLOSE_TIMEOUT);
        if (closed) {
            LOG.info("Stopped Kafka Streams applicationId={}", applicationId);
        } else {
            LOG.warn("Kafka Streams did not stop within {} applicationId={}", CLOSE_TIMEOUT, applicationId);
        }
    }
}
