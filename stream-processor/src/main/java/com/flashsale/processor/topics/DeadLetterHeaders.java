package com.flashsale.processor.topics;

/**
 * Header names of a record on the dead-letter topic, each value UTF-8 text. The first five are the
 * names Kafka Streams' built-in exception handlers use (Kafka 4.4), so a reader of the topic
 * handles records dead-lettered by Streams and by this application alike. The last two exist only
 * on records that this application gave up on after its own retries.
 */
public final class DeadLetterHeaders {

    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";

    /** Number of retries made before giving up. */
    public static final String ATTEMPTS = "flashsale.errors.attempts";

    /** When the record was given up on, as an ISO-8601 instant of the wall clock. */
    public static final String TIME = "flashsale.errors.time";

    private DeadLetterHeaders() {
    }
}
