package com.flashsale.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAuthFilterTest {

    private static final String SECRET = "test-secret-that-is-long-enough-0123456789";
    private final JwtSettings settings = new JwtSettings(SECRET, "flashsale");
    private final JwtAuthFilter filter = new JwtAuthFilter(settings);
    private final TokenIssuer issuer = new TokenIssuer(settings);

    @Test
    void acceptsIssuedShopperToken() {
        String token = issuer.issue("u-42", Role.SHOPPER, Duration.ofMinutes(5));

        Caller caller = filter.authenticate("Bearer " + token);

        assertThat(caller.userId()).isEqualTo("u-42");
        assertThat(caller.role()).isEqualTo(Role.SHOPPER);
        assertThat(caller.isMerchant()).isFalse();
    }

    @Test
    void acceptsLowerCaseScheme() {
        String token = issuer.issue("m-1", Role.MERCHANT, Duration.ofMinutes(5));

        assertThat(filter.authenticate("bearer " + token).isMerchant()).isTrue();
    }

    @Test
    void rejectsMissingHeader() {
        assertCode(null, ErrorCode.MISSING_TOKEN);
        assertCode("  ", ErrorCode.MISSING_TOKEN);
    }

    @Test
    void rejectsOtherScheme() {
        assertCode("Basic dXNlcjpwYXNz", ErrorCode.INVALID_TOKEN);
    }

    @Test
    void rejectsTokenSignedWithOtherKey() {
        JwtSettings other = new JwtSettings("another-secret-that-is-long-enough-987654", "flashsale");
        String token = new TokenIssuer(other).issue("u-1", Role.SHOPPER, Duration.ofMinutes(5));

        assertCode("Bearer " + token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void rejectsExpiredToken() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(settings, past).issue("u-1", Role.SHOPPER, Duration.ofMinutes(5));

        assertCode("Bearer " + token, ErrorCode.TOKEN_EXPIRED);
    }

    @Test
    void rejectsTokenNotYetValid() {
        Clock future = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new TokenIssuer(settings, future).issue("u-1", Role.SHOPPER, Duration.ofHours(5));

        assertCode("Bearer " + token, ErrorCode.TOKEN_NOT_YET_VALID);
    }

    @Test
    void rejectsTokenWithoutSubject() {
        String token = JWT.create()
                .withIssuer("flashsale")
                .withClaim("role", "shopper")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertCode("Bearer " + token, ErrorCode.TOKEN_WITHOUT_SUBJECT);
    }

    @Test
    void rejectsUnknownRole() {
        String token = JWT.create()
                .withIssuer("flashsale")
                .withSubject("u-1")
                .withClaim("role", "admin")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertCode("Bearer " + token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void rejectsAlgorithmNone() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"flashsale\",\"sub\":\"u-1\",\"role\":\"merchant\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}");

        assertCode("Bearer " + header + "." + payload + ".", ErrorCode.INVALID_TOKEN);
    }

    @Test
    void rejectsGarbage() {
        assertCode("Bearer not.a.token", ErrorCode.INVALID_TOKEN);
        assertCode("Bearer ", ErrorCode.INVALID_TOKEN);
    }

    @Test
    void settingsHideSecret() {
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    private void assertCode(String header, ErrorCode expected) {
        assertThatThrownBy(() -> filter.authenticate(header))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
