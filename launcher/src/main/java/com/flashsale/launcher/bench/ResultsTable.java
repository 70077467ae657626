package com.flashsale.launcher.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints a run's results as plain-text tables, the same figures as {@code results.json}. */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static void print(BenchResults results, PrintStream out) {
        MachineInfo machine = results.machine();
        out.printf(Locale.ROOT, "Benchmark (%s) started %s%n", results.mode(), results.startedAt());
        out.printf(Locale.ROOT, "Machine: %d cores, %d MiB, %s, %s%n", machine.cores(), machine.memoryMib(), machine.os(),
                machine.jvm());
        machine.settings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf(Locale.ROOT, "  %s = %s%n", e.getKey(), e.getValue()));

        results.ingest().ifPresent(ingest -> printIngest(ingest, out));
        if (!results.reservation().isEmpty() || !results.projection().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-34s %10s %12s %12s %7s%n", "stage", "records", "pipeline", "baseline", "ratio");
            results.reservation().forEach(r -> printThroughput(r, out));
            results.projection().forEach(r -> printThroughput(r, out));
        }
        if (results.endToEnd().isPresent() || results.endToEndLight().isPresent()) {
            out.println();
            results.endToEndLight().ifPresent(e -> printEndToEnd("light load", e, out));
            results.endToEnd().ifPresent(e -> printEndToEnd("half load", e, out));
        }
        results.rawKafka().ifPresent(k -> {
            out.println();
            out.printf(Locale.ROOT, "Raw Kafka (%d-byte records, acks=all, idempotent): producer %.0f records/s (p99 %.0f ms),"
                    + " consumer %.0f records/s%n", k.recordBytes(), k.producerRecordsPerSecond(), k.producerP99Ms(),
                    k.consumerRecordsPerSecond());
        });

        out.println();
        out.printf(Locale.ROOT, "%-52s %8s %8s  %s%n", "goal", "target", "actual", "met");
        for (Goal goal : results.goals()) {
            out.printf(Locale.ROOT, "%-52s %8s %8s  %s%n", goal.name(), number(goal.target()), number(goal.actual()),
                    Double.isNaN(goal.actual()) ? "not measured" : goal.met() ? "yes" : "no");
        }
        results.stageErrors().forEach((stage, error) -> out.printf(Locale.ROOT, "Stage %s failed: %s%n", stage, error));
    }

    private static void printEndToEnd(String load, EndToEndResult result, PrintStream out) {
        out.printf(Locale.ROOT, "End to end, %s, %.0f orders/s: %d decisions seen, %d missing, p50 %.0f ms, p99 %.0f ms%n",
                load, result.ratePerSecond(), result.orders(), result.missing(), result.p50Ms(), result.p99Ms());
    }

    private static void printIngest(IngestResult ingest, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s %8s%n", "ingest", "offered/s", "achieved", "p50 ms", "p99 ms",
                "p99.9 ms", "errors");
        printSweep("pipeline", ingest.product(), out);
        printSweep("baseline", ingest.baseline(), out);
        Comparison max = ingest.maxSustainable();
        out.printf(Locale.ROOT, "max sustainable: pipeline %.0f/s, baseline %.0f/s, ratio %s%n", max.product(),
                max.baseline(), number(max.ratio()));
    }

    private static void printSweep(String label, RateSweep sweep, PrintStream out) {
        for (LatencyPoint p : sweep.points()) {
            out.printf(Locale.ROOT, "%-10s %9.0f %9.0f %9.1f %9.1f %9.1f %8d%n", label, p.offeredPerSecond(),
                    p.achievedPerSecond(), p.p50Ms(), p.p99Ms(), p.p999Ms(), p.errors());
        }
    }

    private static void printThroughput(ThroughputResult result, PrintStream out) {
        Comparison throughput = result.throughput();
        out.printf(Locale.ROOT, "%-34s %10d %12.0f %12.0f %7s  %s%n", result.name(), result.records(), throughput.product(),
                throughput.baseline(), number(throughput.ratio()), result.unit());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
