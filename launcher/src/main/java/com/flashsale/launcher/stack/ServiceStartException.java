package com.flashsale.launcher.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A service of the stack failed to start; the message ends with the last lines of its log. */
public class ServiceStartException extends RuntimeException {

    private static final int LOG_LINES = 40;

    public ServiceStartException(Service service, String problem, Path logFile) {
        super(service.module() + " " + problem + ". Last lines of " + logFile + ":\n" + tail(logFile));
    }

    static String tail(Path logFile) {
        try {
            // Decoded leniently: a log cut in the middle of a character must still show its tail.
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read the log: " + e.getMessage() + ")";
        }
    }
}
