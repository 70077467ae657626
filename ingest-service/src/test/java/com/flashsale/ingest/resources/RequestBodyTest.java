package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.ingest.RecordingEventPublisher;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import com.flashsale.ingest.core.OrderIds;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Media types and body sizes that the service accepts, including bodies sent without a declared
 * length. The 415 responses come from the resources' {@code @Consumes}: Jersey treats a body without
 * {@code Content-Type} as {@code application/octet-stream}, which matches no method here.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestBodyTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private static final String ORDER = "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\"}";

    private final RecordingEventPublisher publisher = APP.publisher();

    @BeforeEach
    void resetPublisher() {
        publisher.reset();
    }

    private static Map<String, String> shopper(String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER));
        headers.put("Content-Type", contentType);
        return headers;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "application/*", "*/*", "application/json-patch+json"})
    void orderWithOtherMediaTypeIs415(String contentType) {
        Reply reply = APP.post("/v1/orders", ORDER, shopper(contentType));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(415);
        assertThat(reply.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void orderWithoutContentTypeIs415() {
        Reply reply = APP.post("/v1/orders", ORDER, shopper(null));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(415);
        assertThat(reply.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void formEncodedOrderIs415InChinese() {
        Map<String, String> headers = shopper("application/x-www-form-urlencoded");
        headers.put("Accept-Language", "zh-CN");

        Reply reply = APP.post("/v1/orders", "skuId=sku-1&quantity=1&clientRequestId=tap-1", headers);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("message").asText()).isEqualTo("请以 application/json 格式发送请求体。");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON"})
    void jsonMediaTypeIsAccepted(String contentType) {
        Reply reply = APP.post("/v1/orders", ORDER, shopper(contentType));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
    }

    @Test
    void cancelWithoutBodyNeedsNoContentType() {
        String path = "/v1/orders/" + OrderIds.derive("shopper-1", "tap-1") + "/cancel";

        Reply reply = APP.postWithoutContentType(path, Map.of("Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER)));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
    }

    @Test
    void chunkedOrderWithinLimitIsAccepted() {
        byte[] body = ORDER.getBytes(StandardCharsets.UTF_8);

        Reply reply = APP.postChunked("/v1/orders", body, shopper("application/json"));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void chunkedBodyOverLimitIs413() {
        String padding = " ".repeat(BodySizeFilter.MAX_BODY_BYTES);
        byte[] body = ("{\"skuId\": \"sku-1\"," + padding + "\"quantity\": 1, \"clientRequestId\": \"tap-1\"}")
                .getBytes(StandardCharsets.UTF_8);

        Reply reply = APP.postChunked("/v1/orders", body, shopper("application/json"));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(413);
        assertThat(reply.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void chunkedBodyOfExactlyLimitIsRead() {
        String prefix = "{\"skuId\": \"sku-1\", \"quantity\": 1, \"clientRequestId\": \"tap-1\"";
        String body = prefix + " ".repeat(BodySizeFilter.MAX_BODY_BYTES - prefix.length() - 1) + "}";

        Reply reply = APP.postChunked("/v1/orders", body.getBytes(StandardCharsets.UTF_8), shopper("application/json"));

        assertThat(body).hasSize(BodySizeFilter.MAX_BODY_BYTES);
        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
    }

    @Test
    void chunkedPaymentBodyOverLimitIs413() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + APP.token("merchant-1", Role.MERCHANT));
        byte[] body = ("{\"stock\": 1" + " ".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8);

        Reply reply = APP.postChunked("/v1/orders/" + OrderIds.derive("shopper-1", "tap-1") + "/payment", body, headers);

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(413);
        assertThat(publisher.published()).isEmpty();
    }
}
