package com.flashsale.processor.state;

/**
 * A record that could not be processed yet and waits for its next attempt, kept in a retry store
 * under a {@link DueKey}. The record itself is kept as its event bytes, so that the last attempt
 * can copy it to the dead-letter topic.
 *
 * @param orderId order the record is about
 * @param skuId SKU of the order, or "" when the stage does not know it
 * @param userId owner of the order, or the user of a command when the order is not known
 * @param eventId eventId of the record, which the retry events name as their cause
 * @param command type name of the record, such as OrderSubmitted or ConfirmPayment
 * @param originalKey key of the record on its source topic
 * @param event the record encoded by the event serde
 * @param sourceTopic topic the stage read the record from
 * @param sourcePartition partition of that topic, or -1 when unknown
 * @param sourceOffset offset in that partition, or -1 when unknown
 * @param attempt number of the retry this entry waits for, starting at 1
 * @param error why the latest attempt could not process the record
 */
public record PendingRetry(
        String orderId,
        String skuId,
        String userId,
        String eventId,
        String command,
        String originalKey,
        byte[] event,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        int attempt,
        String error) {

    public PendingRetry withError(String newError) {
        return new PendingRetry(orderId, skuId, userId, eventId, command, originalKey, event,
                sourceTopic, sourcePartition, sourceOffset, attempt, newError);
    }

    public PendingRetry nextAttempt(String newError) {
        return new PendingRetry(orderId, skuId, userId, eventId, command, originalKey, event,
                sourceTopic, sourcePartition, sourceOffset, attempt + 1, newError);
    }
}
