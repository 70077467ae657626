package com.flashsale.launcher.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings and directories that every stage of a benchmark run shares.
 *
 * @param options        the command's options
 * @param repositoryRoot the checkout with the service jars and their config.yml
 * @param runDirectory   {@code bench-results/<timestamp>}: results, chart and the stacks' data and logs
 * @param log            progress lines for the operator (standard error)
 */
public record BenchContext(BenchOptions options, Path repositoryRoot, Path runDirectory, PrintStream log) {

    /** Picks the full or the quick value of a duration, rate or count. */
    public Duration pick(Duration full, Duration quick) {
        return options.quick() ? quick : full;
    }

    public int pick(int full, int quick) {
        return options.quick() ? quick : full;
    }

    /** Returns a fresh directory under the run directory for one stage's stack or database. */
    public Path stageDirectory(String stage) {
        return runDirectory.resolve("data").resolve(stage);
    }
}
