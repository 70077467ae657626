package com.flashsale.projection.audit;

import java.util.List;
import java.util.Map;

/**
 * Result of an audit: what was replayed, the invariants the events break, the warnings, and the
 * differences between the replayed and the live read model. Serialized as the JSON report.
 *
 * @param records records read from the event topics up to their end offsets at the start
 * @param undecodableRecords records skipped because they could not be decoded or stored
 * @param duplicateEvents events whose id appeared before
 * @param eventCounts events read per type, commands included
 */
public record AuditReport(
        long records,
        long undecodableRecords,
        long duplicateEvents,
        Map<String, Long> eventCounts,
        int submittedOrders,
        long openOrders,
        int replayedOrders,
        int liveOrders,
        int skus,
        List<Violation> violations,
        List<Violation> warnings,
        List<Difference> differences) {

    public AuditReport {
        eventCounts = Map.copyOf(eventCounts);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
        differences = List.copyOf(differences);
    }

    /** True when no invariant is broken and the live read model equals the replayed one. */
    public boolean isClean() {
        return violations.isEmpty() && differences.isEmpty();
    }

    /** Formats the report for a terminal: counts first, then each violation, difference and warning. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Audit of the event log\n");
        text.append("  records replayed:        ").append(records).append('\n');
        text.append("  undecodable records:     ").append(undecodableRecords).append('\n');
        text.append("  duplicate events:        ").append(duplicateEvents).append('\n');
        eventCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                text.append("    ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n'));
        text.append("  submitted orders:        ").append(submittedOrders).append('\n');
        text.append("  orders without outcome:  ").append(openOrders).append('\n');
        text.append("  orders replayed / live:  ").append(replayedOrders).append(" / ").append(liveOrders).append('\n');
        text.append("  SKUs:                    ").append(skus).append('\n');

        text.append("Violations: ").append(violations.size()).append('\n');
        violations.forEach(violation -> text.append("  ").append(violation.kind()).append(": ")
                .append(violation.message()).append('\n'));
        text.append("Differences from the live read model: ").append(differences.size()).append('\n');
        differences.forEach(difference -> text.append("  ").append(difference.table()).append(' ')
                .append(difference.id()).append(' ').append(difference.field()).append(": replayed ")
                .append(difference.replayed()).append(", live ").append(difference.live()).append('\n'));
        text.append("Warnings: ").append(warnings.size()).append('\n');
        warnings.forEach(warning -> text.append("  ").append(warning.kind()).append(": ")
                .append(warning.message()).append('\n'));
        text.append(isClean() ? "Result: CLEAN\n" : "Result: FAILED\n");
        return text.toString();
    }
}
