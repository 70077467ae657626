package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LatePaymentTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void historyWithPaymentRejectedIsRecognized() throws Exception {
        String history = """
                {"orderId":"o1","events":[{"type":"OrderReserved"},{"type":"OrderExpired"},{"type":"PaymentRejected"}]}
                """;

        assertThat(LatePayment.hasPaymentRejected(json.readTree(history))).isTrue();
    }

    @Test
    void historyWithoutPaymentRejectedIsNot() throws Exception {
        String history = """
                {"orderId":"o1","events":[{"type":"OrderReserved"},{"type":"OrderExpired"}]}
                """;

        assertThat(LatePayment.hasPaymentRejected(json.readTree(history))).isFalse();
    }

    @Test
    void expiredOrderPaidAndStillExpiredPasses() {
        assertThat(new LatePaymentCheck("o1", 202, OrderStatuses.EXPIRED, 200, true).passed()).isTrue();
        assertThat(new LatePaymentCheck("o1", 202, OrderStatuses.EXPIRED, 404, null).passed()).isTrue();
        assertThat(LatePaymentCheck.notRun().passed()).isTrue();
    }

    @Test
    void revivedOrMissingRejectionFails() {
        assertThat(new LatePaymentCheck("o1", 202, OrderStatuses.CONFIRMED, 404, null).passed()).isFalse();
        assertThat(new LatePaymentCheck("o1", 202, OrderStatuses.EXPIRED, 200, false).passed()).isFalse();
        assertThat(new LatePaymentCheck("o1", 503, OrderStatuses.EXPIRED, 200, true).passed()).isFalse();
    }
}
