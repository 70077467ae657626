package com.flashsale.launcher;

import com.flashsale.launcher.cli.Command;
import com.flashsale.launcher.cli.CommandLine;
import com.flashsale.launcher.cli.UsageException;
import java.io.PrintStream;
import java.util.List;

/**
 * Entry point of {@code ./flashsale}: {@code up} starts the embedded stack, {@code demo} runs a
 * flash sale through it and reports, {@code bench} measures it against the machine's baselines,
 * {@code topics} prints a topic as JSON lines. Exit codes: 0 success, 1 failed check or error, 2 invalid usage.
 */
public final class FlashsaleLauncher {

    static final int FAILED = 1;
    static final int USAGE = 2;

    private FlashsaleLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(CommandLine.USAGE);
            return USAGE;
        }

        try {
            if (command instanceof Command.Demo demo) {
                return DemoCommand.run(demo.options(), out, err);
            }
            if (command instanceof Command.Up up) {
                return UpCommand.run(up, out, err);
            }
            if (command instanceof Command.Bench bench) {
                return BenchCommand.run(bench.options(), out, err);
            }
            if (command instanceof Command.Topics topics) {
                return TopicsCommand.run(topics.options(), out, err);
            }
            out.print(CommandLine.USAGE);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted.");
            return FAILED;
        } catch (Exception e) {
            // Expected failures (a taken port, a missing jar, a service that did not start) carry
            // the whole story in their message. A stack trace would only bury it.
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
    }
}
