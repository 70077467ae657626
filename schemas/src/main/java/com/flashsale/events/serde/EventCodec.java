package com.flashsale.events.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Encodes events with Avro single-object encoding and decodes any of them, in any shipped schema
 * version, from the 8-byte schema fingerprint in the header. Instances are thread-safe.
 *
 * <p>A record carries no type name of its own, so the fingerprint picks the writer schema, whose
 * full name picks the current generated class that reads it.
 */
public final class EventCodec {

    private static final byte[] HEADER = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER_LENGTH = HEADER.length + Long.BYTES;

    static {
        // Avro 1.12 refuses to instantiate classes outside a trusted set while decoding.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.DEFAULT,
                type -> type.getName().startsWith("com.flashsale.events.")));
    }

    private static final EventCodec INSTANCE = new EventCodec();

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
    private final Map<String, BinaryMessageDecoder<SpecificRecord>> decodersByName = new HashMap<>();
    private final Map<Long, String> typeNameByFingerprint = new HashMap<>();

    private EventCodec() {
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (Schema old : EventTypes.history()) {
            store.addSchema(old);
            typeNameByFingerprint.put(SchemaNormalization.parsingFingerprint64(old), old.getFullName());
        }

        for (Class<? extends SpecificRecord> type : EventTypes.CURRENT) {
            Schema schema = SpecificData.get().getSchema(type);
            encoders.put(type, new BinaryMessageEncoder<>(SpecificData.get(), schema));
            decodersByName.put(schema.getFullName(), new BinaryMessageDecoder<>(SpecificData.get(), schema, store));
            typeNameByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema.getFullName());
        }
    }

    public static EventCodec get() {
        return INSTANCE;
    }

    /** Encodes one event; the class must be one of {@link EventTypes#CURRENT}. */
    public byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new SerializationException("Not an event type of this build: " + event.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("Cannot encode " + event.getSchema().getName(), e);
        }
    }

    /**
     * Decodes one event into its current class.
     *
     * @throws UnknownSchemaException when the header is missing or names a schema this build lacks
     * @throws SerializationException when the body does not match the schema its header names
     */
    public SpecificRecord decode(byte[] bytes) {
        long fingerprint = fingerprintOf(bytes);
        String typeName = typeNameByFingerprint.get(fingerprint);
        if (typeName == null) {
            throw new UnknownSchemaException("Unknown schema fingerprint " + Long.toHexString(fingerprint));
        }

        try {
            return decodersByName.get(typeName).decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode a " + typeName + " record of " + bytes.length + " bytes", e);
        }
    }

    private static long fingerprintOf(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != HEADER[0] || bytes[1] != HEADER[1]) {
            throw new UnknownSchemaException("Not an Avro single-object encoded record");
        }
        return ByteBuffer.wrap(bytes, HEADER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
