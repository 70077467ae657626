package com.flashsale.launcher.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Keeps a fault test's service and broker logs, because JUnit deletes its temporary directory. */
final class FaultLogs {

    private FaultLogs() {
    }

    /**
     * Copies each {@code broker.log} and each {@code logs/<service>.log} under {@code dataDirectory}
     * to {@code target/fault-reports/<name>}, their relative paths joined with underscores.
     */
    static void keep(Path dataDirectory, String name) throws IOException {
        Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "fault-reports",
                name));
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            // The partitions' segment files also end in .log, so the match is on names and folders.
            List<Path> logs = files.filter(f -> f.getFileName().toString().equals("broker.log")
                    || (f.getParent() != null && f.getParent().getFileName().toString().equals("logs"))).toList();
            for (Path log : logs) {
                String copy = dataDirectory.relativize(log).toString().replace('/', '_');
                Files.copy(log, target.resolve(copy), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
