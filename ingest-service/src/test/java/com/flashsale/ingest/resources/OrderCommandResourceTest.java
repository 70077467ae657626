package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.flashsale.common.auth.Role;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.ingest.RecordingEventPublisher;
import com.flashsale.ingest.RecordingEventPublisher.Published;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.OrderIds;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OrderCommandResourceTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private static final String ORDER_ID = OrderIds.derive("shopper-1", "tap-1");
    private static final String PAYMENT_PATH = "/v1/orders/" + ORDER_ID + "/payment";
    private static final String CANCEL_PATH = "/v1/orders/" + ORDER_ID + "/cancel";
    private static final String PAYMENT = """
            {"paymentId": "wxpay:4200001234.2026-12-04_01"}""";
    private static final String COMMANDS_TOPIC = TestIngestApp.TOPIC_PREFIX + "order-commands";

    private final RecordingEventPublisher publisher = APP.publisher();

    @BeforeEach
    void resetPublisher() {
        publisher.reset();
    }

    private Map<String, String> bearer(String userId, Role role) {
        return Map.of("Authorization", "Bearer " + APP.token(userId, role));
    }

    @Test
    void merchantPaymentIsAcceptedAfterPublishing() {
        Reply reply = APP.post(PAYMENT_PATH, PAYMENT, bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
        JsonNode body = reply.json();
        assertThat(body.get("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(body.get("status").asText()).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(body.get("statusUrl").asText()).isEqualTo(TestIngestApp.PROJECTION_URL + "/v1/orders/" + ORDER_ID);

        assertThat(publisher.published()).hasSize(1);
        Published published = publisher.published().get(0);
        assertThat(published.topic()).isEqualTo(COMMANDS_TOPIC);
        assertThat(published.key()).isEqualTo(ORDER_ID);
        ConfirmPayment event = (ConfirmPayment) published.event();
        assertThat(event.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(event.getPaymentId()).isEqualTo("wxpay:4200001234.2026-12-04_01");
        assertThat(event.getUserId()).isEqualTo("merchant-1");
        assertThat(event.getSkuId()).isEmpty();
        assertThat(event.getCausationId()).isNull();
        assertThat(event.getEventId()).isNotBlank();
        assertThat(event.getOccurredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(event.getRequestId()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(published.headers()).containsEntry(EventHeaders.REQUEST_ID, reply.header("X-Request-Id"));
    }

    @Test
    void shopperMayNotConfirmPayment() {
        Reply reply = APP.post(PAYMENT_PATH, PAYMENT, bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void repeatedPaymentCallbackPublishesEachTime() {
        Reply first = APP.post(PAYMENT_PATH, PAYMENT, bearer("merchant-1", Role.MERCHANT));
        Reply second = APP.post(PAYMENT_PATH, PAYMENT, bearer("merchant-1", Role.MERCHANT));

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(publisher.published())
                .extracting(published -> ((ConfirmPayment) published.event()).getEventId())
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void shopperCancelIsPublishedAsNotByMerchant() {
        Reply reply = APP.post(CANCEL_PATH, "{}", bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
        assertThat(reply.json().get("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(reply.json().get("status").asText()).isEqualTo("CANCEL_SUBMITTED");
        assertThat(reply.json().get("statusUrl").asText()).isEqualTo(TestIngestApp.PROJECTION_URL + "/v1/orders/" + ORDER_ID);

        assertThat(publisher.published()).hasSize(1);
        Published published = publisher.published().get(0);
        assertThat(published.topic()).isEqualTo(COMMANDS_TOPIC);
        assertThat(published.key()).isEqualTo(ORDER_ID);
        CancelOrder event = (CancelOrder) published.event();
        assertThat(event.getOrderId()).isEqualTo(ORDER_ID);
        assertThat(event.getUserId()).isEqualTo("shopper-1");
        assertThat(event.getRequestedByMerchant()).isFalse();
        assertThat(event.getSkuId()).isEmpty();
        assertThat(event.getCausationId()).isNull();
        assertThat(event.getEventId()).isNotBlank();
        assertThat(event.getRequestId()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(published.headers()).containsEntry(EventHeaders.REQUEST_ID, reply.header("X-Request-Id"));
    }

    @Test
    void merchantCancelIsPublishedAsByMerchant() {
        Reply reply = APP.post(CANCEL_PATH, "{}", bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(202);
        CancelOrder event = (CancelOrder) publisher.published().get(0).event();
        assertThat(event.getUserId()).isEqualTo("merchant-1");
        assertThat(event.getRequestedByMerchant()).isTrue();
    }

    @Test
    void otherShopperCancelIsLeftToProcessor() {
        // The ingest cannot know the owner, so it publishes and the processor ignores the command.
        Reply reply = APP.post(CANCEL_PATH, "{}", bearer("shopper-2", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(202);
        CancelOrder event = (CancelOrder) publisher.published().get(0).event();
        assertThat(event.getUserId()).isEqualTo("shopper-2");
        assertThat(event.getRequestedByMerchant()).isFalse();
    }

    @Test
    void cancelWithEmptyBodyIsAccepted() {
        Reply reply = APP.post(CANCEL_PATH, "", bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void cancelWithoutContentTypeIsAccepted() {
        Map<String, String> headers = new HashMap<>(bearer("shopper-1", Role.SHOPPER));

        Reply reply = APP.postWithoutContentType(CANCEL_PATH, headers);

        assertThat(reply.status()).as("body %s", reply.body()).isEqualTo(202);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void failedPaymentPublishAnswers503WithRetryAfter() {
        publisher.failSends();

        Reply reply = APP.post(PAYMENT_PATH, PAYMENT, bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void failedCancelPublishAnswers503WithRetryAfter() {
        publisher.failSends();

        Reply reply = APP.post(CANCEL_PATH, "{}", bearer("shopper-1", Role.SHOPPER));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void missingCancelAcknowledgementAnswers503AfterSendTimeout() {
        publisher.neverAcknowledge();

        Reply reply = APP.post(CANCEL_PATH, "{}", bearer("merchant-1", Role.MERCHANT));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("BROKER_UNAVAILABLE");
    }
}
