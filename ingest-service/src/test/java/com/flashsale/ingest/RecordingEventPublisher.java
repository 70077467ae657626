package com.flashsale.ingest;

import com.flashsale.ingest.core.EventPublisher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;

/** Records published events in memory. It can also fail every send or never acknowledge one. */
public final class RecordingEventPublisher implements EventPublisher {

    public record Published(String topic, String key, SpecificRecord event) {
    }

    private enum Mode { ACKNOWLEDGE, FAIL, HANG }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACKNOWLEDGE;

    @Override
    public CompletionStage<Void> publish(String topic, String key, SpecificRecord event) {
        published.add(new Published(topic, key, event));
        return switch (mode) {
            case ACKNOWLEDGE -> CompletableFuture.completedFuture(null);
            case FAIL -> CompletableFuture.failedFuture(
                    new org.apache.kafka.common.errors.TimeoutException("simulated broker outage"));
            case HANG -> new CompletableFuture<>();
        };
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public void failSends() {
        mode = Mode.FAIL;
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
