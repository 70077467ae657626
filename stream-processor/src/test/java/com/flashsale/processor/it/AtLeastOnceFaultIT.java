package com.flashsale.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Negative control of the fault suite: the same sale and kills with processing.guarantee
 * at_least_once. A killed processor then reprocesses input whose output it had already written,
 * so the verifier must report duplicates; if it does not, it would miss them under exactly-once
 * too. A run can be lucky, so up to three runs with more kills each are tried before the test fails.
 */
class AtLeastOnceFaultIT {

    private static final int[] KILLS_PER_ATTEMPT = {10, 15, 20};
    /**
     * Shorter than under exactly-once. At-least-once can also lose an outcome that a punctuation
     * writes, when the store's changelog record got out before the output did, so waiting for the
     * last one is pointless; the duplicates this test looks for are in the output long before.
     */
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path workDirectory;

    static Stream<Long> seeds() {
        String configured = System.getProperty("flashsale.it.seed");
        return Stream.of(configured == null ? new Random().nextLong() : Long.parseLong(configured));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void verifierCatchesTheDuplicatesOfAtLeastOnce(long seed) throws Exception {
        System.out.printf("AtLeastOnceFaultIT seed=%d (rerun with -Dflashsale.it.seed=%d)%n", seed, seed);
        List<String> attempts = new ArrayList<>();
        ProcessorKillRun.Result caught = null;
        for (int attempt = 0; attempt < KILLS_PER_ATTEMPT.length && caught == null; attempt++) {
            Path attemptDirectory = Files.createDirectories(workDirectory.resolve("attempt-" + attempt));
            try (ProcessorKillRun run = new ProcessorKillRun("AtLeastOnceFaultIT", "alo-fault", attemptDirectory, "at_least_once")) {

                ProcessorKillRun.Result result = run.run(seed + attempt, KILLS_PER_ATTEMPT[attempt], OUTCOME_TIMEOUT);

                attempts.add(result.report());
                if (!result.violations().isEmpty()) {
                    caught = result;
                }
            }
        }

        String report = String.join("\n", attempts) + (caught == null
                ? "negative control FAILED: no run of at_least_once showed a violation, so the verifier or the kills"
                        + " are too weak to tell exactly-once from at-least-once\n"
                : "negative control passed: the verifier caught at_least_once after " + attempts.size() + " run(s)\n");
        FaultReport.publish("AtLeastOnceFaultIT", report);
        assertThat(caught).as(report).isNotNull();
    }
}
