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

    /**
     * Creates a client for load generation: HTTP/1.1 with a 5 s connect timeout, running response
     * callbacks on its selector thread instead of handing each to a pool thread. Callbacks must
     * therefore not block: those of the generator and of the stages only count, parse a small body
     * or start another asynchronous request. On a 2-core VM under other load, against the ingest
     * baseline at 500 requests per second, this cut the client's CPU time from about 1.1 to 0.6 ms
     * per request.
     * NOTE: even so the JDK client costs about half a millisecond of CPU per request on such a
     * machine, so at a few thousand requests per second the generator takes a core from the server.
     * The ingest stage logs the generator's CPU use per step.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CompletableFuture<Integer> send(long index, long dueNanos, Duration timeout) {
        HttpRequest request = requests.apply(index).timeout(timeout).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
