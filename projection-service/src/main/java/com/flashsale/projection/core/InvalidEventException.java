package com.flashsale.projection.core;

/**
 * An event that decoded but cannot be stored, such as one with an id longer than the read model
 * accepts. Retrying would fail the same way, so the consumer skips it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
