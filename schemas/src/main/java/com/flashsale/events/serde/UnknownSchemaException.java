package com.flashsale.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that carry no single-object header, or a fingerprint of no schema this build knows. */
public class UnknownSchemaException extends SerializationException {

    public UnknownSchemaException(String message) {
        super(message);
    }
}
