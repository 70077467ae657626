package com.flashsale.launcher.bench.ingest;

import com.flashsale.launcher.bench.load.HttpTransport;
import com.flashsale.launcher.bench.load.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endpoint that takes order bodies, {@code POST /v1/orders} or its baseline, loaded with the
 * orders of a {@link ShopperPool}. Every step continues the numbering of the orders before it, so
 * that the pool's rotation of shoppers and SKUs keeps within the per-user limits across steps.
 *
 * @param label short name for progress lines
 * @param path  the endpoint's path, also its name in the results
 */
record OrderEndpoint(String label, String path, URI uri, HttpClient http, ShopperPool pool, AtomicLong nextOrder) {

    static OrderEndpoint of(String label, String baseUrl, String path, HttpClient http, ShopperPool pool,
            AtomicLong nextOrder) {
        return new OrderEndpoint(label, path, URI.create(baseUrl + path), http, pool, nextOrder);
    }

    /** Returns a transport for a step of {@code duration} at {@code ratePerSecond}, reserving its order numbers. */
    Transport transportFor(double ratePerSecond, Duration duration) {
        long first = nextOrder.getAndAdd((long) Math.ceil(ratePerSecond * duration.toNanos() / 1e9) + 1);
        return new HttpTransport(http, index -> request(first + index));
    }

    HttpRequest.Builder request(long order) {
        int shopper = pool.shopperIndex(order);
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + pool.token(shopper))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pool.orderBody(order)));
    }
}
