package com.flashsale.launcher.bench.stages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Reads how many events the projection has applied from its Prometheus endpoint. The count of
 * the {@code flashsale_projection_event_lag_seconds} histogram grows by one for every event of a
 * batch once the batch's transaction committed, so it counts events written to the read model.
 */
final class ProjectionProgress {

    static final String APPLIED_EVENTS_SERIES = "flashsale_projection_event_lag_seconds_count";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final URI metrics;

    ProjectionProgress(int adminPort) {
        this.metrics = URI.create("http://127.0.0.1:" + adminPort + "/metrics");
    }

    /** Returns the number of applied events, or empty while the endpoint is not reachable yet. */
    OptionalLong appliedEvents() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            return parse(response.body());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Finds the applied-event count in a Prometheus text exposition; empty when the series is
     * absent, which it is until the service has registered it.
     */
    static OptionalLong parse(String exposition) {
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(APPLIED_EVENTS_SERIES)) {
                continue;
            }
            String rest = line.substring(APPLIED_EVENTS_SERIES.length());
            if (rest.startsWith("{")) {
                rest = rest.substring(rest.indexOf('}') + 1);
            } else if (!rest.startsWith(" ")) {
                // Another series whose name starts with this one's.
                continue;
            }
            // The value may be followed by a timestamp.
            String value = rest.trim().split("\\s+")[0];
            return OptionalLong.of((long) Double.parseDouble(value));
        }
        return OptionalLong.empty();
    }
}
