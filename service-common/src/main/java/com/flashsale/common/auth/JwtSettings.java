package com.flashsale.common.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * HMAC key and issuer of the bearer tokens. The secret comes from the environment; a service
 * refuses to start when it is missing or shorter than 32 characters (256 bits for HS256).
 */
public class JwtSettings {

    @NotNull(message = "is missing: set FLASHSALE_JWT_SECRET to at least 32 random characters")
    @Size(min = 32, message = "is too short: FLASHSALE_JWT_SECRET needs at least 32 characters")
    @JsonProperty
    private String secret;

    @NotBlank
    @JsonProperty
    private String issuer = "flashsale";

    public JwtSettings() {
    }

    public JwtSettings(String secret, String issuer) {
        this.secret = secret;
        this.issuer = issuer;
    }

    public String getSecret() {
        return secret;
    }

    public String getIssuer() {
        return issuer;
    }

    /** Keeps the secret out of logs and validation messages. */
    @Override
    public String toString() {
        return "JwtSettings{issuer=" + issuer + "}";
    }
}
