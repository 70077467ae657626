package com.flashsale.launcher.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service running as a child JVM, with its output going to a log file. */
final class ServiceProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);

    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Service service;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(Service service, Path logFile, Process process) {
        this.service = service;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code java -jar <jar> server <config.yml>} in the repository root with the given environment. */
    static ServiceProcess start(Service service, Path repositoryRoot, Path logFile, Map<String, String> environment) {
        List<String> command = JavaCommand.of(List.of("-jar", service.jar(repositoryRoot).toString(), "server",
                service.config(repositoryRoot).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repositoryRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            LOG.info("Started service={} pid={} log={}", service.module(), process.pid(), logFile);
            return new ServiceProcess(service, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    Service service() {
        return service;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the admin health check answers 200.
     *
     * @throws ServiceStartException when the process exits or the timeout passes first
     */
    void awaitHealthy(HttpClient http, int adminPort, Duration timeout) {
        URI healthCheck = URI.create("http://127.0.0.1:" + adminPort + "/healthcheck");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServiceStartException(service, "exited with code " + process.exitValue(), logFile);
            }
            if (answersOk(http, healthCheck)) {
                return;
            }
            sleep(HEALTH_POLL_INTERVAL);
        }
        throw new ServiceStartException(service, "did not report healthy at " + healthCheck + " within "
                + timeout.toSeconds() + " s", logFile);
    }

    /** Sends SIGTERM so that Dropwizard stops its managed objects, then kills the process after {@code timeout}. */
    void stop(Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (waitFor(timeout)) {
            LOG.info("Stopped service={}", service.module());
            return;
        }
        LOG.warn("Service did not stop within {} s; killing it service={} pid={}", timeout.toSeconds(),
                service.module(), process.pid());
        process.destroyForcibly();
        waitFor(timeout);
    }

    /** Sends SIGKILL, so the service gets no chance to flush, commit or close anything, and waits for the exit. */
    void kill(Duration timeout) {
        process.destroyForcibly();
        if (!waitFor(timeout)) {
            throw new IllegalStateException("Service did not exit after SIGKILL service=" + service.module()
                    + " pid=" + process.pid());
        }
        LOG.info("Killed service={} pid={}", service.module(), process.pid());
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean answersOk(HttpClient http, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(HEALTH_REQUEST_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service to become healthy", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service to become healthy", e);
        }
    }
}
