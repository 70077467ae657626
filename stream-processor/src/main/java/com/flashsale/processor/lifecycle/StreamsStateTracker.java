package com.flashsale.processor.lifecycle;

import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers the latest state of a KafkaStreams client and since when it has been in it. */
public class StreamsStateTracker implements KafkaStreams.StateListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStateTracker.class);

    private final Clock clock;
    private volatile Snapshot current;

    public StreamsStateTracker(Clock clock) {
        this.clock = clock;
        this.current = new Snapshot(KafkaStreams.State.CREATED, clock.instant());
    }

    /** A state and the instant the client entered it. */
    public record Snapshot(KafkaStreams.State state, Instant since) {
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        current = new Snapshot(newState, clock.instant());
        LOG.info("Kafka Streams state changed from {} to {}", oldState, newState);
    }

    public Snapshot current() {
        return current;
    }
}
