package com.flashsale.launcher.bench.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code commit.interval.ms} the stream processor runs with: {@code PROCESSOR_COMMIT_INTERVAL_MS}
 * from the environment, else the default in its config.yml. The reservation stage gives the
 * pass-through baseline the same value, because the commit interval bounds an exactly-once
 * transaction and so sets much of the throughput of both.
 */
final class ProcessorCommitInterval {

    static final String VARIABLE = "PROCESSOR_COMMIT_INTERVAL_MS";

    private static final Pattern CONFIG_DEFAULT =
            Pattern.compile("commitIntervalMs:\\s*\\$\\{" + VARIABLE + ":-(\\d+)}");

    private ProcessorCommitInterval() {
    }

    /** Reads the value that a processor started with {@code config} and {@code environment} runs with. */
    static int read(Path config, Map<String, String> environment) throws IOException {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return parse(configured.trim(), VARIABLE);
        }
        return fromConfig(Files.readString(config), config.toString());
    }

    static int fromConfig(String yaml, String source) {
        Matcher matcher = CONFIG_DEFAULT.matcher(yaml);
        if (!matcher.find()) {
            throw new IllegalStateException("No line `commitIntervalMs: ${" + VARIABLE + ":-<ms>}` in " + source
                    + "; the benchmark reads the processor's default commit interval from it");
        }
        return parse(matcher.group(1), source);
    }

    private static int parse(String value, String source) {
        try {
            int milliseconds = Integer.parseInt(value);
            if (milliseconds < 1) {
                throw new NumberFormatException("not positive");
            }
            return milliseconds;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Invalid commit interval '" + value + "' in " + source
                    + ": expected a positive number of milliseconds", e);
        }
    }
}
