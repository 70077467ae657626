package com.flashsale.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the {@code Authorization: Bearer} token and makes its subject the request's principal.
 * Each kind of failure gets its own error code so that a client can tell an expired token, which
 * it should refresh, from a forged one. Only HS256 is accepted, so {@code alg: none} fails.
 */
@Priority(Priorities.AUTHENTICATION)
public class JwtAuthFilter implements ContainerRequestFilter {

    static final String ROLE_CLAIM = "role";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthFilter.class);

    private final JWTVerifier verifier;

    public JwtAuthFilter(JwtSettings settings) {
        this.verifier = JWT.require(Algorithm.HMAC256(settings.getSecret()))
                .withIssuer(settings.getIssuer())
                .withClaimPresence(ROLE_CLAIM)
                .build();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    /** Verifies a raw header value; the token text is never logged. */
    public Caller authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_TOKEN);
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }

        DecodedJWT jwt = verify(header.substring(BEARER.length()).trim());
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ApiException(ErrorCode.TOKEN_WITHOUT_SUBJECT);
        }
        Optional<Role> role = Role.fromClaim(jwt.getClaim(ROLE_CLAIM).asString());
        return new Caller(subject, role.orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN)));
    }

    private DecodedJWT verify(String token) {
        try {
            return verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new ApiException(ErrorCode.TOKEN_EXPIRED);
        } catch (IncorrectClaimException e) {
            if ("nbf".equals(e.getClaimName())) {
                throw new ApiException(ErrorCode.TOKEN_NOT_YET_VALID);
            }
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        } catch (AlgorithmMismatchException | SignatureVerificationException e) {
            LOG.debug("Rejected a token with a wrong algorithm or signature: {}", e.getClass().getSimpleName());
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        } catch (JWTVerificationException e) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
