package com.flashsale.launcher.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the stages one after another, each on its own stack, and writes {@code results.json},
 * {@code chart.png} and the table. A stage that fails is reported and the run goes on.
 */
public final class BenchRunner {

    private final List<BenchStage> stages;

    public BenchRunner(List<BenchStage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** Runs every stage and returns the results, already written under {@code context.runDirectory()}. */
    public BenchResults run(BenchContext context, Map<String, String> settings, PrintStream out) throws IOException {
        Instant started = Instant.now();
        BenchResults.Builder builder = new BenchResults.Builder(started, context.options().quick() ? "quick" : "full",
                MachineInfo.current(settings));

        for (BenchStage stage : stages) {
            if (!context.options().runs(stage.name())) {
                continue;
            }
            long stageStart = System.nanoTime();
            context.log().println("Benchmark stage " + stage.name() + " starting");
            try {
                stage.run(context, builder);
                context.log().printf("Benchmark stage %s done in %d s%n", stage.name(),
                        Duration.ofNanos(System.nanoTime() - stageStart).toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                builder.stageFailed(stage.name(), "interrupted");
                break;
            } catch (Exception e) {
                // The other stages are still worth measuring; the table and the JSON name the failure.
                context.log().println("Benchmark stage " + stage.name() + " failed: " + e);
                builder.stageFailed(stage.name(), String.valueOf(e.getMessage()));
            }
        }

        BenchResults results = builder.build();
        Path json = context.runDirectory().resolve("results.json");
        Path chart = context.runDirectory().resolve("chart.png");
        ResultsJson.write(results, json);
        BenchChart.write(results, chart);
        ResultsTable.print(results, out);
        out.println();
        out.println("Results: " + json.toAbsolutePath());
        out.println("Chart:   " + chart.toAbsolutePath());
        return results;
    }
}
