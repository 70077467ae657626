package com.flashsale.processor.processor;

/**
 * A record whose value is not a type its topic carries, such as a tombstone or an outcome event
 * on a command topic. Thrown so that the processing exception handler sends the record to the
 * dead-letter topic and processing continues.
 */
public class UnexpectedEventException extends RuntimeException {

    public UnexpectedEventException(String stage, Object value) {
        super(stage + " cannot process a " + (value == null ? "null value" : value.getClass().getName()));
    }
}
