package com.flashsale.launcher.faults;

/**
 * One order request of the load and the ingest service's response.
 *
 * @param status the HTTP status, or {@link #NO_RESPONSE} when the request failed or timed out
 * @param orderId from a 202 body, else null
 * @param sentMillis and {@code answeredMillis} count from the start of the load
 */
record Submission(int index, String clientRequestId, int status, String orderId, long sentMillis, long answeredMillis) {

    static final int NO_RESPONSE = -1;

    boolean accepted() {
        return status == 202;
    }
}
