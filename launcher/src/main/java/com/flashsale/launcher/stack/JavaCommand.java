package com.flashsale.launcher.stack;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line of a JVM that the launcher starts for a service, a benchmark baseline or a
 * Kafka tool: the same Java as the launcher, the same heap and JVM options for all of them.
 */
public final class JavaCommand {

    /** The variable whose JVM options, separated by spaces, every started JVM gets, such as {@code -XX:+UseSerialGC}. */
    public static final String OPTIONS_VARIABLE = "FLASHSALE_JVM_OPTS";

    /** The heap of each JVM, so that five of them fit a small machine. */
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
        command.add(MAX_HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        String options = environment.getOrDefault(OPTIONS_VARIABLE, "").trim();
        if (!options.isEmpty()) {
            command.addAll(Arrays.asList(options.split("\\s+")));
        }
        command.addAll(arguments);
        return command;
    }
}
