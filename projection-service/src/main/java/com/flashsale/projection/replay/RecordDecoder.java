package com.flashsale.projection.replay;

import com.flashsale.events.serde.EventCodec;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes replayed records and counts the ones it skips, as the live consumer does. */
public final class RecordDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(RecordDecoder.class);

    private final EventCodec codec = EventCodec.get();
    private long skipped;

    /** Returns the event, or empty, with a warning, for a record without a value or of an unknown schema. */
    public Optional<SpecificRecord> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return skip(record, "the record has no value");
        }
        try {
            return Optional.of(codec.decode(record.value()));
        } catch (SerializationException e) {
            return skip(record, e.getMessage());
        }
    }

    /** Counts a record that decoded but could not be applied. */
    public void markSkipped(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        skip(record, e.getMessage());
    }

    public long skipped() {
        return skipped;
    }

    private Optional<SpecificRecord> skip(ConsumerRecord<String, byte[]> record, String error) {
        skipped++;
        LOG.warn("Skipped a record that cannot be replayed topic={} partition={} offset={} error={}",
                record.topic(), record.partition(), record.offset(), error);
        return Optional.empty();
    }
}
