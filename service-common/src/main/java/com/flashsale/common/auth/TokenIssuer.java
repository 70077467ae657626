package com.flashsale.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs HS256 bearer tokens. The mini-program's own backend does this after {@code code2Session};
 * here it serves the demo, the tests and the launcher's printed tokens.
 */
public final class TokenIssuer {

    private final Algorithm algorithm;
    private final String issuer;
    private final Clock clock;

    public TokenIssuer(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public TokenIssuer(JwtSettings settings, Clock clock) {
        this.algorithm = Algorithm.HMAC256(settings.getSecret());
        this.issuer = settings.getIssuer();
        this.clock = clock;
    }

    public String issue(String userId, Role role, Duration validFor) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(issuer)
                .withSubject(userId)
                .withClaim(JwtAuthFilter.ROLE_CLAIM, role.claimValue())
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plus(validFor))
                .sign(algorithm);
    }
}
