package com.flashsale.launcher.demo;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A status line on stderr, rewritten every second on a terminal. When stderr is not a terminal
 * (a log file or CI) it prints a new line every 5 s instead, so the file stays readable.
 */
public final class ProgressLine implements AutoCloseable {

    private final PrintStream err;
    private final Supplier<String> status;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private int lastLength;

    public ProgressLine(PrintStream err, Supplier<String> status) {
        this.err = err;
        this.status = status;
        this.terminal = System.console() != null;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-line");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::show, 1, terminal ? 1 : 5, TimeUnit.SECONDS);
    }

    private synchronized void show() {
        String line = status.get();
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Prints the final state of the line and ends it. */
    @Override
    public void close() {
        timer.shutdownNow();
        show();
        if (terminal) {
            err.println();
        }
    }
}
