package com.flashsale.launcher.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Options of {@code flashsale bench}.
 *
 * @param quick        fewer rates, shorter steps and fewer records: about two minutes instead of seven to ten
 * @param outputRoot   the directory that gets one {@code <timestamp>} directory per run
 * @param basePort     first of the stack's eight ports; empty for free ports
 * @param postgresUrl  JDBC URL of a PostgreSQL for the projection stage; empty to measure H2 only
 * @param postgresUser user for {@code postgresUrl}
 * @param stages       names of the stages to run; empty for all of them
 */
public record BenchOptions(boolean quick, Path outputRoot, OptionalInt basePort, Optional<String> postgresUrl,
                           String postgresUser, Set<String> stages) {

    public BenchOptions {
        stages = Set.copyOf(stages);
    }

    /** Returns true when the stage named {@code name} is to run. */
    public boolean runs(String name) {
        return stages.isEmpty() || stages.contains(name);
    }

    public static final Path DEFAULT_OUTPUT_ROOT = Path.of("bench-results");
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String DEFAULT_POSTGRES_USER = "postgres";
}
