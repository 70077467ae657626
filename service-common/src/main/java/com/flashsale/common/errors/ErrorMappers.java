package com.flashsale.common.errors;

import io.dropwizard.jersey.setup.JerseyEnvironment;

/**
 * Registers the mappers that give every error the {@code {code, message}} body. Services set
 * {@code server.registerDefaultExceptionMappers: false} so that Dropwizard's own mappers, which
 * answer in other shapes, do not compete with these.
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    public static void register(JerseyEnvironment jersey) {
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonErrorMapper());
        jersey.register(new ValidationErrorMapper());
        jersey.register(new WebErrorMapper());
        jersey.register(new UnexpectedErrorMapper());
    }
}
