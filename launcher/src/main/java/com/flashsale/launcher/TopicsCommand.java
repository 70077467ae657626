package com.flashsale.launcher;

import com.flashsale.launcher.topics.TopicDump;
import com.flashsale.launcher.topics.TopicDumpOptions;
import java.io.PrintStream;

/** Runs {@code flashsale topics}: the records go to standard output, the count to standard error. */
final class TopicsCommand {

    private TopicsCommand() {
    }

    static int run(TopicDumpOptions options, PrintStream out, PrintStream err) {
        try (TopicDump dump = new TopicDump(options)) {
            Thread stopOnCtrlC = new Thread(dump::stop, "topics-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);

            long printed = dump.run(out);

            removeHook(stopOnCtrlC);
            err.println(printed + " records from " + options.topic());
            return 0;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C), so the hook has run.
        }
    }
}
