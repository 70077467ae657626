package com.flashsale.launcher.bench.stages;

import com.flashsale.launcher.stack.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM that a benchmark stage starts for a service, a baseline or a Kafka tool, with its output
 * in a log file. {@link #close()} stops it with SIGTERM and then SIGKILL, so a stage can use
 * try-with-resources and leave nothing running after a failure.
 */
final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Path logFile;
    private final Process process;

    private ChildJvm(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
    }

    /** Runs {@code java -jar <jar> server <config>}, the way the embedded stack starts a service. */
    static ChildJvm startService(String name, Path jar, Path config, Path workingDirectory, Path logFile,
                                 Map<String, String> environment) {
        return start(name, List.of("-jar", jar.toString(), "server", config.toString()), workingDirectory, logFile,
                environment);
    }

    /** Runs {@code java -cp <classpath> <mainClass> <arguments>}. */
    static ChildJvm startMain(String name, String classpath, String mainClass, List<String> arguments,
                              Path workingDirectory, Path logFile) {
        List<String> command = new ArrayList<>(List.of("-cp", classpath, mainClass));
        command.addAll(arguments);
        return start(name, command, workingDirectory, logFile, Map.of());
    }

    private static ChildJvm start(String name, List<String> javaArguments, Path workingDirectory, Path logFile,
                                  Map<String, String> environment) {
        List<String> command = JavaCommand.of(javaArguments);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            LOG.info("Started {} pid={} log={}", name, process.pid(), logFile);
            return new ChildJvm(name, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + name, e);
        }
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Throws when the process has exited, so that a stage waiting for its output fails at once
     * instead of at its timeout.
     */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
        }
    }

    /**
     * Waits for the process to exit by itself.
     *
     * @return the exit code
     * @throws IllegalStateException when it runs longer than {@code timeout}; it is killed then
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see "
                    + logFile);
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, so that a Dropwizard service stops its managed objects, then SIGKILL after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (waitFor(STOP_TIMEOUT)) {
            LOG.info("Stopped {}", name);
            return;
        }
        LOG.warn("{} did not stop within {} s; killing it pid={}", name, STOP_TIMEOUT.toSeconds(), process.pid());
        process.destroyForcibly();
        waitFor(STOP_TIMEOUT);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
