package com.flashsale.ingest.core;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;

/** Appends events to the log. */
public interface EventPublisher {

    /**
     * Sends one event with the given record headers, whose values are written as UTF-8. The stage
     * completes when the broker has acknowledged the write, and completes exceptionally when the
     * send failed or timed out: with {@link ProducerOverloadedException} when this service, not the
     * broker, is the bottleneck. It may complete on an I/O thread of the client, so callers move
     * slow work to their own executor.
     */
    CompletionStage<Void> publish(String topic, String key, SpecificRecord event, Map<String, String> headers);
}
