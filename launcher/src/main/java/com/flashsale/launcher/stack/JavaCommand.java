package com.flashsale.launcher.stack;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line of a JVM that the launcher starts for a service, a benchmark baseline or a
 * Kafka tool: the same Java as the launcher, the same heap and JVM options for all of them.
 *
 * <p>The default options fit the one-machine stack, where three services, the broker and the
 * launcher share a few cores and a sale starts right after the start. There, the C2 compiler and
 * G1's concurrent threads took much of the CPU in the first minutes. With the serial collector and
 * only the C1 compiler, the benchmark's end-to-end p99 at 50 orders/s fell from about 1.0 s to
 * 0.46 s on two cores (docs/benchmarks.md, "Tuning"). Long-running hosts, as in docker-compose.yml,
 * keep the JVM's own defaults.
 */
public final class JavaCommand {

    /**
     * The variable whose JVM options, separated by spaces, replace {@link #DEFAULT_OPTIONS} in every
     * started JVM. Set but empty, it leaves the JVM's own defaults.
     */
    public static final String OPTIONS_VARIABLE = "FLASHSALE_JVM_OPTS";

    /** The options when {@link #OPTIONS_VARIABLE} is not set. */
    public static final String DEFAULT_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** The heap of each JVM, small so that the whole stack fits a small machine. */
    static final String MAX_HEAP = "-Xmx512m";

    private JavaCommand() {
    }

    /** Returns the command that runs {@code java <options> <arguments>}, with the options of this process's environment. */
    public static List<String> of(List<String> arguments) {
        return of(arguments, System.getenv());
    }

    static List<String> of(List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options(environment));
        command.addAll(arguments);
        return command;
    }

    /** Returns the JVM options every started JVM gets, so that a benchmark can record them. */
    public static List<String> options() {
        return options(System.getenv());
    }

    static List<String> options(Map<String, String> environment) {
        List<String> options = new ArrayList<>(List.of(MAX_HEAP, "-XX:+ExitOnOutOfMemoryError"));
        String chosen = environment.getOrDefault(OPTIONS_VARIABLE, DEFAULT_OPTIONS).trim();
        if (!chosen.isEmpty()) {
            options.addAll(Arrays.asList(chosen.split("\\s+")));
        }
        return options;
    }
}
