package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.common.errors.Language;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed, forged or out-of-range request is rejected with a 4xx and publishes nothing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private static final String ORDERS = "/v1/orders";
    private static final String STOCK = "/v1/skus/sku-1/stock";
    private static final String ORDER_ID = "0b7e6f0a-3c1d-8e2f-9a4b-5c6d7e8f9a0b";
    private static final String PAYMENT = "/v1/orders/" + ORDER_ID + "/payment";
    private static final String CANCEL = "/v1/orders/" + ORDER_ID + "/cancel";
    private static final String VALID_PAYMENT = "{\"paymentId\": \"pay-1\"}";
    private static final String VALID_ORDER = orderBody("\"sku-1\"", "1", "\"tap-1\"");
    private static final String JSON = "application/json";

    /** How the request authenticates. */
    enum Auth { SHOPPER, MERCHANT, NONE, NOT_BEARER, EMPTY_BEARER, GARBAGE, OTHER_KEY, EXPIRED, ALG_NONE, NO_SUBJECT }

    @BeforeEach
    void resetPublisher() {
        APP.publisher().reset();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // Body shape.
                order("malformed JSON", "{\"skuId\": \"sku-1\", ", 400, "INVALID_JSON"),
                order("empty body", "", 400, "MISSING_FIELD"),
                order("array body", "[1, 2]", 400, "INVALID_JSON"),
                order("string body", "\"order\"", 400, "INVALID_JSON"),
                order("trailing content", orderBody("\"sku-1\"", "1", "\"tap-1\"") + " {}", 400, "INVALID_JSON"),
                order("duplicate key", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"quantity\": 5, \"clientRequestId\": \"tap-1\"}",
                        400, "INVALID_JSON"),
                order("oversized body", "{\"skuId\": \"" + "s".repeat(9000) + "\", \"quantity\": 1, \"clientRequestId\": \"tap-1\"}",
                        413, "PAYLOAD_TOO_LARGE"),
                // Media types: a null type sends no Content-Type header at all.
                orderAs("order as text/plain", "text/plain", VALID_ORDER),
                orderAs("order as form", "application/x-www-form-urlencoded", "skuId=sku-1&quantity=1&clientRequestId=tap-1"),
                orderAs("order without Content-Type", null, VALID_ORDER),
                orderAs("order as XML", "application/xml", "<order skuId=\"sku-1\"/>"),
                // Types.
                order("quantity as string", orderBody("\"sku-1\"", "\"2\"", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("fractional quantity", orderBody("\"sku-1\"", "2.5", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("integral float quantity", orderBody("\"sku-1\"", "2.0", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("quantity as boolean", orderBody("\"sku-1\"", "true", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("quantity as object", orderBody("\"sku-1\"", "{}", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("skuId as number", orderBody("12345", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("clientRequestId as boolean", orderBody("\"sku-1\"", "1", "true"), 400, "INVALID_FIELD"),
                // Ranges.
                order("quantity 1e20", orderBody("\"sku-1\"", "1e20", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("quantity beyond int", orderBody("\"sku-1\"", "99999999999", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("negative quantity", orderBody("\"sku-1\"", "-1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("zero quantity", orderBody("\"sku-1\"", "0", "\"tap-1\""), 400, "INVALID_FIELD"),
                // Fields the client must not set, and missing ones.
                order("userId in body", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\", \"userId\": \"victim\"}",
                        400, "UNKNOWN_FIELD"),
                order("orderId in body", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\", \"orderId\": \"x\"}",
                        400, "UNKNOWN_FIELD"),
                order("price in body", "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\", \"price\": 0}",
                        400, "UNKNOWN_FIELD"),
                order("missing skuId", "{\"quantity\": 1, \"clientRequestId\": \"tap-1\"}", 400, "MISSING_FIELD"),
                order("missing quantity", "{\"skuId\": \"sku-1\", \"clientRequestId\": \"tap-1\"}", 400, "MISSING_FIELD"),
                order("null quantity", orderBody("\"sku-1\"", "null", "\"tap-1\""), 400, "MISSING_FIELD"),
                order("missing clientRequestId", "{\"skuId\": \"sku-1\", \"quantity\": 1}", 400, "MISSING_FIELD"),
                order("empty object", "{}", 400, "MISSING_FIELD"),
                // Ids.
                order("skuId with NUL", orderBody("\"sku\\u0000-1\"", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("skuId with newline", orderBody("\"sku\\n1\"", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("skuId too long", orderBody("\"" + "s".repeat(65) + "\"", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("skuId empty", orderBody("\"\"", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("skuId starting with dot", orderBody("\".sku\"", "1", "\"tap-1\""), 400, "INVALID_FIELD"),
                order("clientRequestId with NUL", orderBody("\"sku-1\"", "1", "\"tap\\u0000\""), 400, "INVALID_FIELD"),
                order("clientRequestId with tab", orderBody("\"sku-1\"", "1", "\"tap\\t1\""), 400, "INVALID_FIELD"),
                order("clientRequestId with space", orderBody("\"sku-1\"", "1", "\"tap 1\""), 400, "INVALID_FIELD"),
                order("clientRequestId too long", orderBody("\"sku-1\"", "1", "\"" + "c".repeat(65) + "\""), 400, "INVALID_FIELD"),
                order("clientRequestId empty", orderBody("\"sku-1\"", "1", "\"\""), 400, "INVALID_FIELD"),
                // Authentication.
                authenticated("missing token", Auth.NONE, 401, "MISSING_TOKEN"),
                authenticated("Basic instead of Bearer", Auth.NOT_BEARER, 401, "INVALID_TOKEN"),
                authenticated("empty bearer", Auth.EMPTY_BEARER, 401, "INVALID_TOKEN"),
                authenticated("garbage token", Auth.GARBAGE, 401, "INVALID_TOKEN"),
                authenticated("token signed with another key", Auth.OTHER_KEY, 401, "INVALID_TOKEN"),
                authenticated("expired token", Auth.EXPIRED, 401, "TOKEN_EXPIRED"),
                authenticated("alg none token", Auth.ALG_NONE, 401, "INVALID_TOKEN"),
                authenticated("token without subject", Auth.NO_SUBJECT, 401, "TOKEN_WITHOUT_SUBJECT"),
                // Stock commands.
                stock("stock with local time", STOCK, stockBody("100", "1", "\"2026-12-04T10:00:00\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "saleStart"),
                stock("stock with date only", STOCK, stockBody("100", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-05\""),
                        400, "INVALID_FIELD", "saleEnd"),
                stock("stock with epoch number", STOCK, stockBody("100", "1", "1700000000", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "saleStart"),
                stock("stock ending before start", STOCK, stockBody("100", "1", "\"2026-12-04T11:00:00Z\"", "\"2026-12-04T10:00:00Z\""),
                        400, "INVALID_FIELD", "saleEnd"),
                stock("stock ending at start", STOCK, stockBody("100", "1", "\"2026-12-04T18:00:00+08:00\"", "\"2026-12-04T10:00:00Z\""),
                        400, "INVALID_FIELD", "saleEnd"),
                stock("negative stock", STOCK, stockBody("-1", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "stock"),
                stock("stock above a billion", STOCK, stockBody("1000000001", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "stock"),
                stock("zero per-user limit", STOCK, stockBody("100", "0", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "perUserLimit"),
                stock("fractional stock", STOCK, stockBody("10.5", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_FIELD", "stock"),
                stock("missing saleEnd", STOCK, "{\"stock\": 1, \"perUserLimit\": 1, \"saleStart\": \"2026-12-04T10:00:00Z\"}",
                        400, "MISSING_FIELD", "saleEnd"),
                stock("skuId path with invalid character", "/v1/skus/sku%21/stock",
                        stockBody("100", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_PARAMETER", "skuId"),
                stock("skuId path too long", "/v1/skus/" + "s".repeat(65) + "/stock",
                        stockBody("100", "1", "\"2026-12-04T10:00:00Z\"", "\"2026-12-04T11:00:00Z\""),
                        400, "INVALID_PARAMETER", "skuId"),
                stock("unknown stock field", STOCK, "{\"stock\": 1, \"perUserLimit\": 1, \"saleStart\": \"2026-12-04T10:00:00Z\", "
                        + "\"saleEnd\": \"2026-12-04T11:00:00Z\", \"available\": 5}", 400, "UNKNOWN_FIELD", "available"),
                // Payment and cancel commands: the order id in the path.
                payment("payment orderId not a UUID", "/v1/orders/order-1/payment", VALID_PAYMENT,
                        400, "INVALID_PARAMETER", "orderId"),
                payment("payment orderId in upper case", "/v1/orders/" + ORDER_ID.toUpperCase(Locale.ROOT) + "/payment",
                        VALID_PAYMENT, 400, "INVALID_PARAMETER", "orderId"),
                payment("payment orderId without hyphens", "/v1/orders/" + ORDER_ID.replace("-", "") + "/payment",
                        VALID_PAYMENT, 400, "INVALID_PARAMETER", "orderId"),
                payment("payment orderId too long", "/v1/orders/" + ORDER_ID + "0/payment", VALID_PAYMENT,
                        400, "INVALID_PARAMETER", "orderId"),
                payment("payment orderId with encoded space", "/v1/orders/" + ORDER_ID + "%20/payment", VALID_PAYMENT,
                        400, "INVALID_PARAMETER", "orderId"),
                payment("payment orderId with encoded newline", "/v1/orders/" + ORDER_ID + "%0A/payment", VALID_PAYMENT,
                        400, "INVALID_PARAMETER", "path"),
                payment("payment orderId with encoded bell", "/v1/orders/" + ORDER_ID + "%07/payment", VALID_PAYMENT,
                        400, "INVALID_PARAMETER", "path"),
                cancel("cancel orderId not a UUID", "/v1/orders/order-1/cancel", "{}", Auth.SHOPPER,
                        400, "INVALID_PARAMETER", "orderId"),
                cancel("cancel orderId in upper case", "/v1/orders/" + ORDER_ID.toUpperCase(Locale.ROOT) + "/cancel", "{}",
                        Auth.MERCHANT, 400, "INVALID_PARAMETER", "orderId"),
                // Payment body.
                payment("payment empty body", PAYMENT, "", 400, "MISSING_FIELD", null),
                payment("payment empty object", PAYMENT, "{}", 400, "MISSING_FIELD", "paymentId"),
                payment("payment null paymentId", PAYMENT, "{\"paymentId\": null}", 400, "MISSING_FIELD", "paymentId"),
                payment("payment paymentId empty", PAYMENT, "{\"paymentId\": \"\"}", 400, "INVALID_FIELD", "paymentId"),
                payment("payment paymentId with space", PAYMENT, "{\"paymentId\": \"pay 1\"}", 400, "INVALID_FIELD", "paymentId"),
                payment("payment paymentId with NUL", PAYMENT, "{\"paymentId\": \"pay\\u00001\"}", 400, "INVALID_FIELD", "paymentId"),
                payment("payment paymentId too long", PAYMENT, "{\"paymentId\": \"" + "p".repeat(65) + "\"}",
                        400, "INVALID_FIELD", "paymentId"),
                payment("payment paymentId as number", PAYMENT, "{\"paymentId\": 4200001234}", 400, "INVALID_FIELD", "paymentId"),
                payment("payment with amount", PAYMENT, "{\"paymentId\": \"pay-1\", \"amount\": 0}", 400, "UNKNOWN_FIELD", "amount"),
                payment("payment malformed JSON", PAYMENT, "{\"paymentId\": ", 400, "INVALID_JSON", null),
                // Roles and cancel body.
                cancel("payment by shopper", PAYMENT, VALID_PAYMENT, Auth.SHOPPER, 403, "FORBIDDEN", null),
                cancel("payment without token", PAYMENT, VALID_PAYMENT, Auth.NONE, 401, "MISSING_TOKEN", null),
                cancel("cancel without token", CANCEL, "{}", Auth.NONE, 401, "MISSING_TOKEN", null),
                cancel("cancel with userId", CANCEL, "{\"userId\": \"victim\"}", Auth.SHOPPER, 400, "UNKNOWN_FIELD", "userId"),
                cancel("cancel with reason", CANCEL, "{\"reason\": \"changed my mind\"}", Auth.MERCHANT,
                        400, "UNKNOWN_FIELD", "reason"),
                cancel("cancel array body", CANCEL, "[]", Auth.SHOPPER, 400, "INVALID_JSON", null),
                cancel("cancel malformed JSON", CANCEL, "{", Auth.SHOPPER, 400, "INVALID_JSON", null),
                cancel("cancel trailing content", CANCEL, "{} {}", Auth.SHOPPER, 400, "INVALID_JSON", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsRejectedWithoutPublishing(String name, String method, String path, String body, Auth auth,
                                               int expectedStatus, String expectedCode, String expectedField,
                                               String contentType) {
        Map<String, String> headers = headersFor(auth);
        headers.put("Content-Type", contentType);

        Reply reply = send(method, path, body, headers);

        assertThat(reply.status()).as("status of %s, body %s", name, reply.body()).isEqualTo(expectedStatus);
        assertThat(reply.json().get("code").asText()).as("code of %s", name).isEqualTo(expectedCode);
        if (expectedField != null) {
            assertThat(reply.json().get("message").asText()).as("message of %s", name).contains(expectedField);
        }
        assertThat(reply.body()).as("body of %s", name).doesNotContain("Exception", "at com.");
        assertThat(APP.publisher().published()).as("events published for %s", name).isEmpty();
    }

    @Test
    void chineseMessageForChineseAcceptLanguage() {
        Map<String, String> headers = headersFor(Auth.SHOPPER);
        headers.put("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");

        Reply reply = send("POST", ORDERS, orderBody("\"sku-1\"", "0", "\"tap-1\""), headers);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(reply.json().get("message").asText()).isEqualTo("字段 quantity 的值无效。");
        assertThat(APP.publisher().published()).isEmpty();
    }

    @Test
    void englishMessageWithoutAcceptLanguage() {
        Reply reply = send("POST", ORDERS, orderBody("\"sku-1\"", "0", "\"tap-1\""), headersFor(Auth.SHOPPER));

        assertThat(reply.json().get("message").asText()).isEqualTo("Invalid value for field quantity.");
    }

    /** A sample of the table, one row per kind of error, each sent in every supported form of language. */
    static Stream<Arguments> languageSample() {
        List<Arguments> requests = List.of(
                Arguments.of("quantity as string", "POST", ORDERS, orderBody("\"sku-1\"", "\"2\"", "\"tap-1\""), JSON,
                        Auth.SHOPPER, ErrorCode.INVALID_FIELD, "quantity"),
                Arguments.of("missing skuId", "POST", ORDERS, "{\"quantity\": 1, \"clientRequestId\": \"tap-1\"}", JSON,
                        Auth.SHOPPER, ErrorCode.MISSING_FIELD, "skuId"),
                Arguments.of("userId in body", "POST", ORDERS,
                        "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\", \"userId\": \"victim\"}", JSON,
                        Auth.SHOPPER, ErrorCode.UNKNOWN_FIELD, "userId"),
                Arguments.of("malformed JSON", "POST", ORDERS, "{\"skuId\": ", JSON, Auth.SHOPPER, ErrorCode.INVALID_JSON, null),
                Arguments.of("oversized body", "POST", ORDERS, "{\"skuId\": \"" + "s".repeat(9000) + "\"}", JSON,
                        Auth.SHOPPER, ErrorCode.PAYLOAD_TOO_LARGE, null),
                Arguments.of("order as text/plain", "POST", ORDERS, VALID_ORDER, "text/plain",
                        Auth.SHOPPER, ErrorCode.UNSUPPORTED_MEDIA_TYPE, null),
                Arguments.of("missing token", "POST", ORDERS, VALID_ORDER, JSON, Auth.NONE, ErrorCode.MISSING_TOKEN, null),
                Arguments.of("expired token", "POST", ORDERS, VALID_ORDER, JSON, Auth.EXPIRED, ErrorCode.TOKEN_EXPIRED, null),
                Arguments.of("payment by shopper", "POST", PAYMENT, VALID_PAYMENT, JSON, Auth.SHOPPER, ErrorCode.FORBIDDEN, null),
                Arguments.of("payment orderId not a UUID", "POST", "/v1/orders/order-1/payment", VALID_PAYMENT, JSON,
                        Auth.MERCHANT, ErrorCode.INVALID_PARAMETER, "orderId"),
                Arguments.of("stock with local time", "PUT", STOCK,
                        stockBody("100", "1", "\"2026-12-04T10:00:00\"", "\"2026-12-04T11:00:00Z\""), JSON,
                        Auth.MERCHANT, ErrorCode.INVALID_FIELD, "saleStart"));
        Map<String, Language> acceptLanguages = new LinkedHashMap<>();
        acceptLanguages.put("", Language.ENGLISH);
        acceptLanguages.put("en-US,en;q=0.9", Language.ENGLISH);
        acceptLanguages.put("zh-CN", Language.CHINESE);
        acceptLanguages.put("zh", Language.CHINESE);
        acceptLanguages.put("zh-Hans", Language.CHINESE);
        acceptLanguages.put("zh-Hans-CN,zh;q=0.9,en;q=0.8", Language.CHINESE);

        return requests.stream().flatMap(request -> acceptLanguages.entrySet().stream().map(language -> {
            Object[] values = request.get();
            return Arguments.of(values[0], language.getKey(), language.getValue(),
                    values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
        }));
    }

    @ParameterizedTest(name = "{0} with Accept-Language \"{1}\"")
    @MethodSource("languageSample")
    void messageIsInRequestedLanguage(String name, String acceptLanguage, Language expectedLanguage,
                                      String method, String path, String body, String contentType, Auth auth,
                                      ErrorCode expectedCode, String field) {
        Map<String, String> headers = headersFor(auth);
        headers.put("Content-Type", contentType);
        if (!acceptLanguage.isEmpty()) {
            headers.put("Accept-Language", acceptLanguage);
        }

        Reply reply = send(method, path, body, headers);

        assertThat(reply.json().get("code").asText()).as("code of %s", name).isEqualTo(expectedCode.name());
        assertThat(reply.json().get("message").asText()).as("message of %s", name)
                .isEqualTo(expectedCode.message(expectedLanguage, field));
        if (expectedLanguage == Language.CHINESE) {
            assertThat(reply.json().get("message").asText()).containsPattern("\\p{IsHan}");
        } else {
            assertThat(reply.json().get("message").asText()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    private static Reply send(String method, String path, String body, Map<String, String> headers) {
        return method.equals("PUT") ? APP.put(path, body, headers) : APP.post(path, body, headers);
    }

    private static Arguments order(String name, String body, int status, String code) {
        return Arguments.of(name, "POST", ORDERS, body, Auth.SHOPPER, status, code, null, JSON);
    }

    private static Arguments orderAs(String name, String contentType, String body) {
        return Arguments.of(name, "POST", ORDERS, body, Auth.SHOPPER, 415, "UNSUPPORTED_MEDIA_TYPE", null, contentType);
    }

    private static Arguments authenticated(String name, Auth auth, int status, String code) {
        return Arguments.of(name, "POST", ORDERS, orderBody("\"sku-1\"", "1", "\"tap-1\""), auth, status, code, null, JSON);
    }

    private static Arguments stock(String name, String path, String body, int status, String code, String field) {
        return Arguments.of(name, "PUT", path, body, Auth.MERCHANT, status, code, field, JSON);
    }

    private static Arguments payment(String name, String path, String body, int status, String code, String field) {
        return Arguments.of(name, "POST", path, body, Auth.MERCHANT, status, code, field, JSON);
    }

    private static Arguments cancel(String name, String path, String body, Auth auth, int status, String code,
                                    String field) {
        return Arguments.of(name, "POST", path, body, auth, status, code, field, JSON);
    }

    private static String orderBody(String skuId, String quantity, String clientRequestId) {
        return "{\"skuId\": " + skuId + ", \"quantity\": " + quantity + ", \"clientRequestId\": " + clientRequestId + "}";
    }

    private static String stockBody(String stock, String perUserLimit, String saleStart, String saleEnd) {
        return "{\"stock\": " + stock + ", \"perUserLimit\": " + perUserLimit
                + ", \"saleStart\": " + saleStart + ", \"saleEnd\": " + saleEnd + "}";
    }

    private static Map<String, String> headersFor(Auth auth) {
        Map<String, String> headers = new HashMap<>();
        String authorization = switch (auth) {
            case SHOPPER -> "Bearer " + APP.token("shopper-1", Role.SHOPPER);
            case MERCHANT -> "Bearer " + APP.token("merchant-1", Role.MERCHANT);
            case NONE -> null;
            case NOT_BEARER -> "Basic c2hvcHBlcjpwYXNzd29yZA==";
            case EMPTY_BEARER -> "Bearer ";
            case GARBAGE -> "Bearer not.a.token";
            case OTHER_KEY -> "Bearer " + new TokenIssuer(new JwtSettings("another-signing-key-0123456789abcdef", "flashsale"))
                    .issue("shopper-1", Role.SHOPPER, Duration.ofMinutes(5));
            case EXPIRED -> "Bearer " + new TokenIssuer(new JwtSettings(TestIngestApp.SECRET, "flashsale"),
                    Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC))
                    .issue("shopper-1", Role.SHOPPER, Duration.ofMinutes(5));
            case ALG_NONE -> "Bearer " + JWT.create()
                    .withIssuer("flashsale")
                    .withSubject("shopper-1")
                    .withClaim("role", "shopper")
                    .withExpiresAt(Instant.now().plusSeconds(300))
                    .sign(Algorithm.none());
            case NO_SUBJECT -> "Bearer " + TestIngestApp.tokenWithoutSubject();
        };
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }
}
