package com.flashsale.launcher.cli;

import com.flashsale.launcher.bench.BenchOptions;
import com.flashsale.launcher.topics.TopicDumpOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** What the user asked the launcher to do. */
public sealed interface Command {

    /** Prints the usage text. */
    record Help() implements Command {
    }

    /**
     * Starts the stack and keeps it running until Ctrl-C.
     *
     * @param basePort the first of eight consecutive ports; empty for the default ports
     * @param dataDirectory data, logs and the token signing key; empty for {@code .flashsale}
     */
    record Up(OptionalInt basePort, Optional<Path> dataDirectory) implements Command {
    }

    /** Runs a flash sale through the HTTP API and prints a report. */
    record Demo(DemoOptions options) implements Command {
    }

    /** Measures every stage against its baseline and writes results and a chart. */
    record Bench(BenchOptions options) implements Command {
    }

    /** Prints one topic's records as JSON lines. */
    record Topics(TopicDumpOptions options) implements Command {
    }
}
