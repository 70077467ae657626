package com.flashsale.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.events.OrderSubmitted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = EventCodec.get();

    static Stream<SpecificRecord> everyEventType() {
        return EventTypes.CURRENT.stream().map(SampleEvents::of);
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void roundTripsEveryEventType(SpecificRecord event) {
        byte[] bytes = codec.encode(event);

        SpecificRecord decoded = codec.decode(bytes);

        assertThat(decoded).isInstanceOf(event.getClass());
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void readsOrderSubmittedWrittenWithVersionOne() throws IOException {
        Schema v1 = EventTypes.history().get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-1");
        old.put("orderId", "o-1");
        old.put("skuId", "sku-1");
        old.put("userId", "u-1");
        old.put("occurredAt", 1_700_000_000_000L);
        old.put("causationId", null);
        old.put("quantity", 2);
        old.put("clientRequestId", "tap-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old, out);

        SpecificRecord decoded = codec.decode(out.toByteArray());

        assertThat(decoded).isInstanceOf(OrderSubmitted.class);
        OrderSubmitted submitted = (OrderSubmitted) decoded;
        assertThat(submitted.getOrderId()).isEqualTo("o-1");
        assertThat(submitted.getQuantity()).isEqualTo(2);
        assertThat(submitted.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(submitted.getRequestId()).isNull();
    }

    @Test
    void rejectsBytesWithoutHeader() {
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void rejectsUnknownFingerprint() {
        byte[] bytes = codec.encode(SampleEvents.of(OrderSubmitted.class));
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void rejectsTruncatedBody() {
        byte[] bytes = codec.encode(SampleEvents.of(OrderSubmitted.class));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void serdeKeepsNullAsTombstone() {
        EventSerde serde = new EventSerde();

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void everyCurrentSchemaHasOwnFingerprint() {
        long distinct = EventTypes.CURRENT.stream()
                .map(type -> SpecificData.get().getSchema(type))
                .map(org.apache.avro.SchemaNormalization::parsingFingerprint64)
                .distinct()
                .count();

        assertThat(distinct).isEqualTo(EventTypes.CURRENT.size());
    }

    /** Builds one event of each type with every field set, timestamps truncated to millis. */
    static final class SampleEvents {

        private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        static SpecificRecord of(Class<? extends SpecificRecord> type) {
            Schema schema = SpecificData.get().getSchema(type);
            SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
            for (Schema.Field field : schema.getFields()) {
                record.put(field.pos(), sampleValue(field.name(), field.schema()));
            }
            return record;
        }

        private static Object sampleValue(String name, Schema schema) {
            if (schema.getType() == Schema.Type.UNION) {
                return sampleValue(name, schema.getTypes().get(1));
            }
            if (schema.getLogicalType() != null) {
                return NOW;
            }
            return switch (schema.getType()) {
                case STRING -> name + "-值-🎉";
                case INT -> 3;
                case LONG -> 42L;
                case BOOLEAN -> true;
                case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(1), schema);
                default -> throw new IllegalArgumentException("No sample for " + schema);
            };
        }
    }
}
