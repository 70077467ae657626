package com.flashsale.processor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The short text that each fault test leaves behind: it goes to standard output and to
 * target/fault-reports/&lt;name&gt;.txt, where it stays after the test's temporary files are gone.
 */
final class FaultReport {

    private FaultReport() {
    }

    /** Prints the report and writes it to target/fault-reports; returns the file written. */
    static Path publish(String name, String text) throws IOException {
        System.out.println(text);
        Path file = Files.createDirectories(Path.of("target", "fault-reports")).resolve(name + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
