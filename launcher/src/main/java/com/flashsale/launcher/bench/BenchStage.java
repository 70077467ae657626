package com.flashsale.launcher.bench;

/**
 * One measurement of {@code flashsale bench}: the pipeline's stage and its baseline on the same
 * machine. A stage starts and stops whatever it needs, so stages do not slow each other down.
 */
public interface BenchStage {

    /** A short name for progress lines, for example {@code ingest}. */
    String name();

    /** Measures the stage and its baseline and adds the figures to {@code results}. */
    void run(BenchContext context, BenchResults.Builder results) throws Exception;
}
