package com.flashsale.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code results.json}: the results with their derived figures (ratios, max sustainable
 * rates, goals), times as ISO-8601 text, and a missing stage as {@code null}.
 */
public final class ResultsJson {

    private static final ObjectMapper MAPPER = Jackson.newObjectMapper()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static String toJson(BenchResults results) throws IOException {
        return MAPPER.writeValueAsString(results);
    }

    public static void write(BenchResults results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, toJson(results));
    }
}
