package com.flashsale.launcher.demo;

/**
 * What the projection's {@code audit} command found after the sale.
 *
 * @param output the audit's own text report, or a sentence saying why it did not run
 * @param reportFile the audit's JSON report, or null when it did not run
 */
public record AuditResult(Outcome outcome, String output, String reportFile) {

    public enum Outcome {
        /** The audit ran and found no violation and no difference from the live read model. */
        PASSED,
        /** The audit ran and failed, or could not finish. */
        FAILED,
        /** The projection jar of this build has no {@code audit} command. */
        NOT_AVAILABLE,
        /** The demo did not start the stack, so it cannot run commands next to the projection. */
        NOT_RUN
    }

    public static AuditResult notAvailable() {
        return new AuditResult(Outcome.NOT_AVAILABLE, "not available in this build", null);
    }

    public static AuditResult notRun(String why) {
        return new AuditResult(Outcome.NOT_RUN, why, null);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
