package com.flashsale.ingest.core;

import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;

/** Appends events to the log. */
public interface EventPublisher {

    /**
     * Sends one event. The stage completes when the broker has acknowledged the write, and
     * completes exceptionally when the send failed or timed out. It may complete on an I/O thread
     * of the client, so callers move slow work to their own executor.
     */
    CompletionStage<Void> publish(String topic, String key, SpecificRecord event);
}
