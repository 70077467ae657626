package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.flashsale.common.auth.Role;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.AdjustStock;
import com.flashsale.events.SetStock;
import com.flashsale.ingest.RecordingEventPublisher;
import com.flashsale.ingest.RecordingEventPublisher.Published;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.OrderIds;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(DropwizardExtensionsSupport.class)
class OrderAndStockResourceTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private static final String ORDER = """
            {"skuId": "sku-1", "quantity": 2, "clientRequestId": "tap-1"}""";
    private static final String STOCK = """
            {"stock": 100, "perUserLimit": 2,
             "saleStart": "2026-12-04T10:00:00+08:00", "saleEnd": "2026-12-04T02:30:00Z"}""";

    private final RecordingEventPublisher publisher = APP.publisher();

    @BeforeEach
    void resetPublisher() {
        publisher.reset();
    }

    private Map<String, String> bearer(String userId, Role role) {
        return Map.of("Authorization", "Bearer " + APP.token(userId, role));
    }

    @Test
    void validOrderIsAcceptedAfterPublishing() {
        String expectedOrderId = OrderIds.derive("shopper-1", "tap-1");

        Reply reply = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(202);
        JsonNode body = reply.json();
        assertThat(body.get("orderId").asText()).isEqualTo(expectedOrderId);
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.get("statusUrl").asText())
                .isEqualTo(TestIngestApp.PROJECTION_URL + "/v1/orders/" + expectedOrderId);

        assertThat(publisher.published()).hasSize(1);
        Published published = publisher.published().get(0);
        assertThat(published.topic()).isEqualTo(TestIngestApp.TOPIC_PREFIX + "order-submissions");
        assertThat(published.key()).isEqualTo("sku-1");
        OrderSubmitted event = (OrderSubmitted) published.event();
        assertThat(event.getOrderId()).isEqualTo(expectedOrderId);
        assertThat(event.getUserId()).isEqualTo("shopper-1");
        assertThat(event.getSkuId()).isEqualTo("sku-1");
        assertThat(event.getQuantity()).isEqualTo(2);
        assertThat(event.getClientRequestId()).isEqualTo("tap-1");
        assertThat(event.getCausationId()).isNull();
        assertThat(event.getEventId()).isNotBlank();
        assertThat(event.getOccurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(event.getRequestId()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(published.headers()).containsEntry(EventHeaders.REQUEST_ID, reply.header("X-Request-Id"));
    }

    @Test
    void doubleSubmitGetsSameOrderId() {
        Reply first = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));
        Reply second = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("orderId").asText()).isEqualTo(first.json().get("orderId").asText());
        assertThat(publisher.published())
                .extracting(published -> ((OrderSubmitted) published.event()).getEventId())
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void otherShopperGetsOtherOrderId() {
        Reply first = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));
        Reply second = APP.post("/v1/orders", ORDER, bearer("shopper-2", Role.SHOPPER));

        assertThat(second.json().get("orderId").asText()).isNotEqualTo(first.json().get("orderId").asText());
    }

    @Test
    void safeIncomingRequestIdIsKept() {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER),
                "X-Request-Id", "trace-42");

        Reply reply = APP.post("/v1/orders", ORDER, headers);

        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-42");
        assertThat(((OrderSubmitted) publisher.published().get(0).event()).getRequestId()).isEqualTo("trace-42");
    }

    @Test
    void unsafeIncomingRequestIdIsReplaced() {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER),
                "X-Request-Id", "x".repeat(65));

        Reply reply = APP.post("/v1/orders", ORDER, headers);

        assertThat(reply.header("X-Request-Id")).isNotBlank().isNotEqualTo("x".repeat(65));
        assertThat(((OrderSubmitted) publisher.published().get(0).event()).getRequestId())
                .isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void requestIdGoesToRecordHeaderAndLoggingContext() {
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER),
                "X-Request-Id", "trace-44");

        Reply reply = APP.post("/v1/orders", ORDER, headers);

        assertThat(reply.status()).isEqualTo(202);
        Published published = publisher.published().get(0);
        assertThat(published.headers()).containsExactly(Map.entry(EventHeaders.REQUEST_ID, "trace-44"));
        assertThat(published.mdcRequestId()).isEqualTo("trace-44");
    }

    @Test
    void failureLogLineCarriesRequestId() {
        Logger logger = (Logger) LoggerFactory.getLogger(OrderResource.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        publisher.failSends();
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER),
                "X-Request-Id", "trace-45");

        try {
            Reply reply = APP.post("/v1/orders", ORDER, headers);

            assertThat(reply.status()).isEqualTo(503);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.get(0).getMDCPropertyMap()).containsEntry("requestId", "trace-45");
    }

    @Test
    void errorResponseAlsoCarriesRequestId() {
        Reply reply = APP.post("/v1/orders", ORDER, Map.of("X-Request-Id", "trace-43"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-43");
    }

    @Test
    void quantityAboveConfiguredMaximumIsRejected() {
        String body = """
                {"skuId": "sku-1", "quantity": 6, "clientRequestId": "tap-1"}""";

        Reply reply = APP.post("/v1/orders", body, bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(reply.json().get("message").asText()).contains("quantity");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void merchantMayNotOrder() {
        Reply reply = APP.post("/v1/orders", ORDER, bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void failedPublishAnswers503WithRetryAfter() {
        publisher.failSends();

        Reply reply = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void missingAcknowledgementAnswers503AfterSendTimeout() {
        publisher.neverAcknowledge();
        long start = System.nanoTime();

        Reply reply = APP.post("/v1/orders", ORDER, bearer("shopper-1", Role.SHOPPER));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
        assertThat(elapsedMs).isBetween(400L, 5_000L);
    }

    @Test
    void merchantStockUpdateIsAcceptedAfterPublishing() {
        Reply reply = APP.put("/v1/skus/sku-1/stock", STOCK, bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("skuId").asText()).isEqualTo("sku-1");
        assertThat(reply.json().get("status").asText()).isEqualTo("ACCEPTED");

        assertThat(publisher.published()).hasSize(1);
        Published published = publisher.published().get(0);
        assertThat(published.topic()).isEqualTo(TestIngestApp.TOPIC_PREFIX + "stock-commands");
        assertThat(published.key()).isEqualTo("sku-1");
        SetStock event = (SetStock) published.event();
        assertThat(event.getSkuId()).isEqualTo("sku-1");
        assertThat(event.getUserId()).isEqualTo("merchant-1");
        assertThat(event.getStock()).isEqualTo(100L);
        assertThat(event.getPerUserLimit()).isEqualTo(2);
        assertThat(event.getSaleStart()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
        assertThat(event.getSaleEnd()).isEqualTo(Instant.parse("2026-12-04T02:30:00Z"));
        assertThat(event.getRequestId()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(published.headers()).containsEntry(EventHeaders.REQUEST_ID, reply.header("X-Request-Id"));
    }

    @Test
    void shopperMayNotSetStock() {
        Reply reply = APP.put("/v1/skus/sku-1/stock", STOCK, bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void merchantStockAdjustmentIsPublished() {
        Reply reply = APP.post("/v1/skus/sku-1/stock/adjustments", "{\"delta\":-5}", bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(publisher.published()).hasSize(1);
        Published published = publisher.published().get(0);
        assertThat(published.topic()).isEqualTo(TestIngestApp.TOPIC_PREFIX + "stock-commands");
        assertThat(published.key()).isEqualTo("sku-1");
        AdjustStock event = (AdjustStock) published.event();
        assertThat(event.getDelta()).isEqualTo(-5L);
        assertThat(event.getUserId()).isEqualTo("merchant-1");
        assertThat(event.getRequestId()).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void zeroStockAdjustmentIsInvalid() {
        Reply reply = APP.post("/v1/skus/sku-1/stock/adjustments", "{\"delta\":0}", bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(reply.json().get("message").asText()).contains("delta");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void shopperMayNotAdjustStock() {
        Reply reply = APP.post("/v1/skus/sku-1/stock/adjustments", "{\"delta\":5}", bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void failedStockPublishAnswers503() {
        publisher.failSends();

        Reply reply = APP.put("/v1/skus/sku-1/stock", STOCK, bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }
}
