package com.flashsale.common.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Registers bearer-token authentication on the resources that declare {@code @Auth Caller} or
 * {@code @RolesAllowed}. A role that is not allowed ends as {@code 403 FORBIDDEN}.
 */
public final class AuthSetup {

    private AuthSetup() {
    }

    public static void register(JerseyEnvironment jersey, JwtSettings settings) {
        jersey.register(new AuthDynamicFeature(new JwtAuthFilter(settings)));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }
}
