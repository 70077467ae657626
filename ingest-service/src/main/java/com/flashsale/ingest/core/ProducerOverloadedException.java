package com.flashsale.ingest.core;

/**
 * A send that failed because the producer's buffer stayed full for {@code maxBlock} while the broker
 * was still acknowledging writes. The service is taking requests faster than the broker drains
 * them, so the client should back off briefly (429); the broker itself is not down (503).
 */
public final class ProducerOverloadedException extends RuntimeException {

    public ProducerOverloadedException(Throwable cause) {
        super("producer buffer full while the broker acknowledges writes", cause);
    }
}
