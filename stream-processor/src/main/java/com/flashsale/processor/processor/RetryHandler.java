package com.flashsale.processor.processor;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Callback of a stage for its pending retries that fall due. */
interface RetryHandler {

    /**
     * Processes the record again at the punctuation's timestamp.
     *
     * @return why the record still cannot be processed, or empty when it was processed
     */
    Optional<String> retry(SpecificRecord event, long punctuationTimestamp);

    /** Records that the stage gave up on the record, after its last retry failed. */
    void giveUp(SpecificRecord event, long punctuationTimestamp);
}
