package com.flashsale.launcher;

import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/** Starts the embedded stack for a command and makes sure it stops on exit, error or Ctrl-C. */
final class StackRunner {

    /** System property naming the repository root; the working directory otherwise. */
    static final String ROOT_PROPERTY = "flashsale.repository.root";

    private StackRunner() {
    }

    static Path repositoryRoot() {
        return Paths.get(System.getProperty(ROOT_PROPERTY, "")).toAbsolutePath().normalize();
    }

    /** Starts the stack and registers a shutdown hook that stops it. */
    static Stack start(StackSettings settings, PrintStream err) {
        Stack stack = new Stack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
        err.println("Starting Kafka and the services; data and logs in " + stack.settings().dataDirectory());
        stack.start();
        return stack;
    }

    /** Blocks until the JVM shuts down, for example on Ctrl-C; the shutdown hook then stops the stack. */
    static void waitForShutdown() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
