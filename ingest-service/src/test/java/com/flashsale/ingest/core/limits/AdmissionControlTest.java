package com.flashsale.ingest.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.ingest.config.LimitSettings;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    private static final Caller SHOPPER = new Caller("shopper-1", Role.SHOPPER);
    private static final Caller MERCHANT = new Caller("merchant-1", Role.MERCHANT);
    private static final String ADDRESS = "203.0.113.7";

    private final ManualClock clock = new ManualClock();

    /** Reads limits from YAML text, the way the service reads its configuration. */
    private static LimitSettings limits(String yaml) throws Exception {
        return new YamlConfigurationFactory<>(LimitSettings.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "limits.yml");
    }

    private AdmissionControl control(String yaml) throws Exception {
        return new AdmissionControl(limits(yaml), clock, new MetricRegistry());
    }

    @Test
    void rateLimitedOrderGetsRetryAfterFromBucket() throws Exception {
        AdmissionControl control = control("perUser: {permitsPerSecond: 0.5, burst: 1}");
        control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1").succeeded();

        assertThatThrownBy(() -> control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-2"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.headers()).containsEntry("Retry-After", "2");
                });
    }

    @Test
    void addressLimitReturnsUserToken() throws Exception {
        AdmissionControl control = control("""
                perUser: {permitsPerSecond: 0.001, burst: 1}
                perAddress: {permitsPerSecond: 0.001, burst: 1}
                """);
        control.admitOrder(new Caller("shopper-2", Role.SHOPPER), ADDRESS, "sku-1", "tap-1").succeeded();

        assertThatThrownBy(() -> control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
        Admission fromOtherAddress = control.admitOrder(SHOPPER, "198.51.100.1", "sku-1", "tap-1");

        assertThat(fromOtherAddress).isNotNull();
    }

    @Test
    void openOrdersRejectionReturnsRateTokens() throws Exception {
        AdmissionControl control = control("""
                perUser: {permitsPerSecond: 0.001, burst: 2}
                maxOpenOrdersPerSku: 1
                """);
        control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1");

        assertThatThrownBy(() -> control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-2"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_OPEN_ORDERS);
                    assertThat(e.headers()).containsKey("Retry-After");
                });
        Admission otherSku = control.admitOrder(SHOPPER, ADDRESS, "sku-2", "tap-3");

        assertThat(otherSku).isNotNull();
    }

    @Test
    void fullInFlightAnswersOverloadedAndReturnsEverything() throws Exception {
        AdmissionControl control = control("""
                maxInFlight: 1
                perUser: {permitsPerSecond: 0.001, burst: 1}
                maxOpenOrdersPerSku: 1
                """);
        Admission pending = control.admitOrder(new Caller("shopper-2", Role.SHOPPER), ADDRESS, "sku-1", "tap-1");

        assertThatThrownBy(() -> control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                });
        pending.succeeded();
        Admission afterRelease = control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1");

        assertThat(afterRelease).isNotNull();
        assertThat(control.inFlight()).isEqualTo(1);
    }

    @Test
    void failedSendReturnsQuotaAndOpenOrder() throws Exception {
        AdmissionControl control = control("""
                perUser: {permitsPerSecond: 0.001, burst: 1}
                maxOpenOrdersPerSku: 1
                """);
        Admission first = control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1");

        first.failed();
        Admission retry = control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-2");

        assertThat(retry).isNotNull();
        assertThat(control.inFlight()).isEqualTo(1);
    }

    @Test
    void admissionSettlesOnlyOnce() throws Exception {
        AdmissionControl control = control("""
                maxInFlight: 2
                perUser: {permitsPerSecond: 0.001, burst: 1}
                """);
        Admission admission = control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1");

        admission.succeeded();
        admission.failed();
        admission.failed();

        assertThat(control.inFlight()).isZero();
        assertThatThrownBy(() -> control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-2"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    @Test
    void merchantSkipsRateLimitsButNeedsPermit() throws Exception {
        AdmissionControl control = control("""
                maxInFlight: 3
                perUser: {permitsPerSecond: 0.001, burst: 1}
                perAddress: {permitsPerSecond: 0.001, burst: 1}
                """);

        control.admitCommand(MERCHANT, ADDRESS);
        control.admitCommand(MERCHANT, ADDRESS);
        control.admitCommand(MERCHANT, ADDRESS);

        assertThatThrownBy(() -> control.admitCommand(MERCHANT, ADDRESS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));
    }

    @Test
    void shopperCommandsShareTheOrderBucket() throws Exception {
        AdmissionControl control = control("perUser: {permitsPerSecond: 0.001, burst: 1}");
        control.admitOrder(SHOPPER, ADDRESS, "sku-1", "tap-1").succeeded();

        assertThatThrownBy(() -> control.admitCommand(SHOPPER, ADDRESS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    }
}
