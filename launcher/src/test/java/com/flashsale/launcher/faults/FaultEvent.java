package com.flashsale.launcher.faults;

/**
 * A fault injected during the load and how long the ingest service took to return 202 again.
 *
 * @param startMillis counts from the start of the load
 * @param recoveryMillis from the fault to the first 202 of a request sent after it; -1 when none came
 */
record FaultEvent(String description, int nodeId, long startMillis, long recoveryMillis) {
}
