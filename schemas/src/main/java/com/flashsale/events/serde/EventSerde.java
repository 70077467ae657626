package com.flashsale.events.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for every event type of this build. A topic may carry several types, so readers get
 * a {@link SpecificRecord} and dispatch on its class. A null value stays null (a tombstone).
 */
public final class EventSerde implements Serde<SpecificRecord> {

    private final EventCodec codec = EventCodec.get();

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, event) -> event == null ? null : codec.encode(event);
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    }
}
