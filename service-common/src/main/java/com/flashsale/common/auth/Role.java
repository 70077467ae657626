package com.flashsale.common.auth;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. The token's {@code role} claim carries the lower-case name. */
public enum Role {
    SHOPPER,
    MERCHANT;

    /** Role names as used in {@code @RolesAllowed}. */
    public static final String SHOPPER_NAME = "SHOPPER";
    public static final String MERCHANT_NAME = "MERCHANT";

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claimValue().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
