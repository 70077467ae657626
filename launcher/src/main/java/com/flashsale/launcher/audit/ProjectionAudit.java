package com.flashsale.launcher.audit;

import com.flashsale.launcher.demo.AuditResult;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code java -jar projection-service.jar audit config.yml --report FILE} next to the embedded
 * stack, with the environment of the running projection, when the jar offers that command.
 *
 * <p>The projection's H2 file database accepts one process at a time, so the projection service is
 * stopped for the audit and started again only when the stack keeps running afterwards.
 */
public final class ProjectionAudit {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAudit.class);

    private static final Duration HELP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AUDIT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CONSUMER_LAG =
            Pattern.compile("(?m)^flashsale_projection_consumer_lag_records(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    /** Dropwizard's help lists the commands in braces, for example {@code {server,check,audit}}. */
    private static final Pattern AUDIT_COMMAND = Pattern.compile("\\{[^}]*\\baudit\\b[^}]*}");

    /** The first line of the audit command's text report. */
    private static final String REPORT_HEADING = "Audit of the event log";

    private final Stack stack;

    public ProjectionAudit(Stack stack) {
        this.stack = stack;
    }

    /** Runs the audit if the jar has it; {@code restartProjection} starts the projection again afterwards. */
    public AuditResult run(boolean restartProjection) throws IOException, InterruptedException {
        if (!offersAudit()) {
            return AuditResult.notAvailable();
        }
        Path reportFile = stack.settings().dataDirectory().resolve("audit-report.json");
        Path outputFile = stack.settings().logDirectory().resolve("projection-audit.out");
        Path logFile = stack.settings().logDirectory().resolve("projection-audit.log");
        Files.deleteIfExists(reportFile);

        awaitProjectionCaughtUp();
        stack.stopService(Service.PROJECTION_SERVICE);
        try {
            Process process = command(List.of("audit", configFile().toString(), "--report", reportFile.toString()))
                    .redirectOutput(outputFile.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LOG.info("Started the projection audit pid={} log={}", process.pid(), logFile);
            if (!process.waitFor(AUDIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new AuditResult(AuditResult.Outcome.FAILED, "the audit did not finish within "
                        + AUDIT_TIMEOUT.toMinutes() + " minutes; see " + logFile, null);
            }
            String output = auditText(Files.readString(outputFile, StandardCharsets.UTF_8));
            if (process.exitValue() != 0) {
                return new AuditResult(AuditResult.Outcome.FAILED, output + "\n(exit code " + process.exitValue()
                        + "; full output in " + outputFile + ", log in " + logFile + ")",
                        Files.exists(reportFile) ? reportFile.toString() : null);
            }
            return new AuditResult(AuditResult.Outcome.PASSED, output, reportFile.toString());
        } finally {
            if (restartProjection) {
                stack.startService(Service.PROJECTION_SERVICE);
            }
        }
    }

    /** Reads the jar's {@code --help}, which lists its commands. */
    boolean offersAudit() throws IOException, InterruptedException {
        Process process = command(List.of("--help")).redirectErrorStream(true).start();
        String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(HELP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return hasAuditCommand(help);
    }

    /**
     * Drops what precedes the audit's own report on stdout: Liquibase's migration summary of the
     * replay database and log lines. The whole output stays in the log directory.
     */
    static String auditText(String stdout) {
        List<String> lines = stdout.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(REPORT_HEADING)) {
                return String.join("\n", lines.subList(i, lines.size())).strip();
            }
        }
        return stdout.strip();
    }

    static boolean hasAuditCommand(String help) {
        return AUDIT_COMMAND.matcher(help).find();
    }

    /**
     * Waits until the projection's consumer lag is 0, because an order can show its final status
     * while an earlier event from another topic is still unapplied, and the audit would then see
     * the live read model one event behind the log.
     */
    private void awaitProjectionCaughtUp() throws InterruptedException {
        URI metrics = URI.create("http://127.0.0.1:" + stack.settings().ports().projectionAdmin() + "/metrics");
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher lag = CONSUMER_LAG.matcher(response.body());
                if (response.statusCode() == 200 && lag.find() && Double.parseDouble(lag.group(1)) == 0) {
                    return;
                }
            } catch (IOException | NumberFormatException e) {
                LOG.debug("Reading the projection's consumer lag failed: {}", e.toString());
            }
            Thread.sleep(500);
        }
        LOG.warn("The projection still lags after {} s; auditing anyway", CATCH_UP_TIMEOUT.toSeconds());
    }

    private ProcessBuilder command(List<String> arguments) {
        Path root = stack.settings().repositoryRoot();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Service.PROJECTION_SERVICE.jar(root).toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> environment = builder.environment();
        environment.putAll(stack.environment(Service.PROJECTION_SERVICE));
        return builder;
    }

    private Path configFile() {
        return Service.PROJECTION_SERVICE.config(stack.settings().repositoryRoot());
    }
}
