package com.flashsale.ingest;

import com.flashsale.ingest.core.EventPublisher;
import com.flashsale.ingest.core.ProducerOverloadedException;
import com.flashsale.ingest.resources.RequestIdMdcFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.MDC;

/**
 * Records published events in memory, with their headers and the request id that the logging MDC
 * held on the publishing thread. It can also fail every send, report a full producer buffer, or
 * never acknowledge a send.
 */
public final class RecordingEventPublisher implements EventPublisher {

    public record Published(String topic, String key, SpecificRecord event, Map<String, String> headers,
                            String mdcRequestId) {
    }

    private enum Mode { ACKNOWLEDGE, FAIL, OVERLOAD, HANG }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACKNOWLEDGE;

    @Override
    public CompletionStage<Void> publish(String topic, String key, SpecificRecord event, Map<String, String> headers) {
        published.add(new Published(topic, key, event, Map.copyOf(headers), MDC.get(RequestIdMdcFilter.MDC_KEY)));
        return switch (mode) {
            case ACKNOWLEDGE -> CompletableFuture.completedFuture(null);
            case FAIL -> CompletableFuture.failedFuture(
                    new org.apache.kafka.common.errors.TimeoutException("simulated broker outage"));
            case OVERLOAD -> CompletableFuture.failedFuture(new ProducerOverloadedException(
                    new org.apache.kafka.clients.producer.BufferExhaustedException("simulated full buffer")));
            case HANG -> new CompletableFuture<>();
        };
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public void failSends() {
        mode = Mode.FAIL;
    }

    public void overloadSends() {
        mode = Mode.OVERLOAD;
    }

    public void neverAcknowledge() {
        mode = Mode.HANG;
    }

    /** Clears the recorded events and goes back to acknowledging every send. */
    public void reset() {
        published.clear();
        mode = Mode.ACKNOWLEDGE;
    }
}
