package com.flashsale.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The ingest and projection HTTP APIs, as a shopper's or merchant's client calls them. */
public final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI ingestUrl;
    private final URI projectionUrl;
    private final ObjectMapper json = new ObjectMapper();

    private static final int STOCK_ATTEMPTS = 5;

    public ApiClient(URI ingestUrl, URI projectionUrl) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.ingestUrl = ingestUrl;
        this.projectionUrl = projectionUrl;
    }

    /** An HTTP answer; {@code body} is a JSON null node when the body is empty or not JSON. */
    public record Response(int status, JsonNode body, Optional<Duration> retryAfter) {

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    /** {@code POST /v1/orders}; the shopper comes from the token. */
    public Response submitOrder(String token, String skuId, int quantity, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode()
                .put("skuId", skuId)
                .put("quantity", quantity)
                .put("clientRequestId", clientRequestId);
        return postJson(token, "/v1/orders", json.writeValueAsString(body));
    }

    /** {@code POST /v1/orders} with a body sent as is, for tests of invalid input. */
    public Response postOrderBody(String token, String rawBody) throws IOException, InterruptedException {
        return postJson(token, "/v1/orders", rawBody);
    }

    /**
     * {@code PUT /v1/skus/{skuId}/stock}, a merchant's call. A PUT may be repeated, so a 429 or 503
     * is retried after its {@code Retry-After}, up to {@value #STOCK_ATTEMPTS} attempts, as a
     * merchant's backend would; a stack that has just started can still be fetching topic metadata.
     */
    public Response setStock(String token, String skuId, long stock, int perUserLimit, Instant saleStart,
            Instant saleEnd) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode()
                .put("stock", stock)
                .put("perUserLimit", perUserLimit)
                .put("saleStart", saleStart.toString())
                .put("saleEnd", saleEnd.toString());
        HttpRequest request = authorized(token, ingestUrl.resolve("/v1/skus/" + encode(skuId) + "/stock"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        Response response = send(request);
        for (int attempt = 2; attempt <= STOCK_ATTEMPTS && (response.status() == 429 || response.status() == 503);
                attempt++) {
            Thread.sleep(response.retryAfter().orElse(Duration.ofSeconds(1)).toMillis());
            response = send(request);
        }
        return response;
    }

    /** {@code GET /v1/orders/{orderId}} from the projection. */
    public Response getOrder(String token, String orderId) throws IOException, InterruptedException {
        return send(authorized(token, projectionUrl.resolve("/v1/orders/" + encode(orderId))).GET().build());
    }

    /**
     * {@code GET /v1/orders/{orderId}?waitSeconds=N&afterVersion=V}: a long poll that the projection
     * answers once the order's version passes {@code afterVersion} or after {@code waitSeconds}. A
     * projection without long polls ignores both and answers at once.
     */
    public CompletableFuture<Response> awaitOrderAsync(String token, String orderId, int waitSeconds,
            long afterVersion) {
        URI uri = projectionUrl.resolve("/v1/orders/" + encode(orderId) + "?waitSeconds=" + waitSeconds
                + "&afterVersion=" + afterVersion);
        HttpRequest request = authorized(token, uri)
                .timeout(REQUEST_TIMEOUT.plusSeconds(waitSeconds))
                .GET()
                .build();
        return sendAsync(request);
    }

    /** {@code POST /v1/orders/{orderId}/payment}, a merchant's call. */
    public CompletableFuture<Response> confirmPaymentAsync(String merchantToken, String orderId, String paymentId) {
        ObjectNode body = json.createObjectNode().put("paymentId", paymentId);
        return sendAsync(postRequest(merchantToken, "/v1/orders/" + encode(orderId) + "/payment", body.toString()));
    }

    /** {@code POST /v1/orders/{orderId}/cancel} with an empty JSON object, by the owner or a merchant. */
    public CompletableFuture<Response> cancelOrderAsync(String token, String orderId) {
        return sendAsync(postRequest(token, "/v1/orders/" + encode(orderId) + "/cancel", "{}"));
    }

    /** {@code GET /v1/orders/{orderId}/events}: the order's history, where the projection offers it. */
    public Response getOrderEvents(String token, String orderId) throws IOException, InterruptedException {
        return send(authorized(token, projectionUrl.resolve("/v1/orders/" + encode(orderId) + "/events")).GET().build());
    }

    /** {@code GET /v1/skus/{skuId}} from the projection. */
    public Response getSku(String token, String skuId) throws IOException, InterruptedException {
        return send(authorized(token, projectionUrl.resolve("/v1/skus/" + encode(skuId))).GET().build());
    }

    private Response postJson(String token, String path, String body) throws IOException, InterruptedException {
        return send(postRequest(token, path, body));
    }

    private HttpRequest postRequest(String token, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ingestUrl.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest.Builder authorized(String token, URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), parse(response.body()), retryAfter(response));
    }

    private CompletableFuture<Response> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Response(response.statusCode(), parse(response.body()), retryAfter(response)));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    /** Reads {@code Retry-After} in its seconds form; the HTTP-date form is ignored. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
