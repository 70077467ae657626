package com.flashsale.processor.processor;

import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.processor.state.PendingRetry;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the events of a record's retries. Each names the retried record's eventId as its cause.
 * Its occurredAt is the timestamp of the input record for a first retry, and the punctuation's
 * timestamp for a later retry or a dead letter, which both run on the wall clock.
 */
final class RetryEvents {

    private RetryEvents() {
    }

    static OrderRetryScheduled retryScheduled(PendingRetry retry, Instant occurredAt, Instant retryAt) {
        return OrderRetryScheduled.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(retry.orderId())
                .setSkuId(retry.skuId())
                .setUserId(retry.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(retry.eventId())
                .setAttempt(retry.attempt())
                .setRetryAt(retryAt)
                .setCommand(retry.command())
                .build();
    }

    static OrderDeadLettered deadLettered(PendingRetry retry, Instant occurredAt) {
        return OrderDeadLettered.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(retry.orderId())
                .setSkuId(retry.skuId())
                .setUserId(retry.userId())
                .setOccurredAt(occurredAt)
                .setCausationId(retry.eventId())
                .setAttempts(retry.attempt())
                .setCommand(retry.command())
                .setError(retry.error())
                .build();
    }
}
