package com.flashsale.common.auth;

import java.security.Principal;
import java.util.Objects;

/** The authenticated user of a request: the token's subject and role. */
public record Caller(String userId, Role role) implements Principal {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String getName() {
        return userId;
    }

    public boolean isMerchant() {
        return role == Role.MERCHANT;
    }
}
