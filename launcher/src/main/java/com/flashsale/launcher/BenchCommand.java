package com.flashsale.launcher;

import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchOptions;
import com.flashsale.launcher.bench.BenchRunner;
import com.flashsale.launcher.bench.BenchStages;
import com.flashsale.launcher.stack.JavaCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code flashsale bench}: measures each stage against the machine's own baseline and writes the results. */
final class BenchCommand {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BenchCommand() {
    }

    static int run(BenchOptions options, PrintStream out, PrintStream err) throws IOException {
        Path root = StackRunner.repositoryRoot();
        Path outputRoot = options.outputRoot().isAbsolute() ? options.outputRoot() : root.resolve(options.outputRoot());
        Path runDirectory = outputRoot.resolve(RUN_NAME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        err.println("Benchmark " + (options.quick() ? "(quick)" : "(full, about 7 to 10 minutes)") + ", results in "
                + runDirectory);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mode", options.quick() ? "quick" : "full");
        settings.put("postgres", options.postgresUrl().orElse("not measured"));
        settings.put("service JVM options", String.join(" ", JavaCommand.options()));
        BenchContext context = new BenchContext(options, root, runDirectory, err);

        new BenchRunner(BenchStages.all()).run(context, settings, out);
        return 0;
    }
}
