package com.flashsale.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault suite: ten SIGKILLs of the exactly-once processor during a sale of about 21,000
 * submissions. Every order must still get one decision, every hold one end, every retry attempt
 * and every expiry must fire once, and the stock must add up. Runs only under {@code -Pfaults}.
 */
class ProcessorKillFaultIT {

    private static final int KILLS = 10;

    @TempDir
    Path workDirectory;

    static Stream<Long> seeds() {
        String configured = System.getProperty("flashsale.it.seed");
        return Stream.of(configured == null ? new Random().nextLong() : Long.parseLong(configured));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tenKillsLoseAndRepeatNoOutcome(long seed) throws Exception {
        System.out.printf("ProcessorKillFaultIT seed=%d (rerun with -Dflashsale.it.seed=%d)%n", seed, seed);
        try (ProcessorKillRun run = new ProcessorKillRun("ProcessorKillFaultIT", "kill-fault", workDirectory, "exactly_once_v2")) {

            ProcessorKillRun.Result result = run.run(seed, KILLS, Duration.ofSeconds(90));

            FaultReport.publish("ProcessorKillFaultIT", result.report());
            assertThat(result.submissions()).isGreaterThanOrEqualTo(20_000);
            assertThat(result.missing()).as("outcomes missing with seed %d; see %s", seed, run.processorLog())
                    .isEmpty();
            assertThat(result.violations()).as("violations with seed %d", seed).isEmpty();
            assertThat(result.abortedRecords()).as("aborted output records: did the kills land inside transactions?")
                    .isPositive();
        }
    }
}
