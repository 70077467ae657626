package com.flashsale.launcher.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Sends requests with the JDK's asynchronous {@link HttpClient} over HTTP/1.1 and discards the
 * bodies. The client keeps finished connections open for reuse, so a steady rate needs about as many
 * connections as it has requests in flight.
 */
public final class HttpTransport implements Transport {

    private final HttpClient http;
    private final LongFunction<HttpRequest.Builder> requests;

    /** @param requests builds request number {@code index}; the transport sets its timeout */
    public HttpTransport(HttpClient http, LongFunction<HttpRequest.Builder> requests) {
        this.http = http;
        this.requests = requests;
    }

    /** Creates a client for load generation: HTTP/1.1 with a 5 s connect timeout. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public CompletableFuture<Integer> send(long index, long dueNanos, Duration timeout) {
        HttpRequest request = requests.apply(index).timeout(timeout).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
