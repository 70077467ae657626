package com.flashsale.processor.processor;

/**
 * Names the error of a record that was still undecidable after its last retry. It is never
 * thrown: the stage copies the record to the dead-letter topic itself, and this class and its
 * message go into the copy's headers.
 */
public class RetriesExhaustedException extends RuntimeException {

    public RetriesExhaustedException(String command, int attempts, String lastError) {
        super(command + " failed after " + attempts + " retries: " + lastError, null, false, false);
    }
}
