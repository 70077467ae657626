package com.flashsale.launcher.audit;

import com.flashsale.launcher.demo.AuditResult;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
