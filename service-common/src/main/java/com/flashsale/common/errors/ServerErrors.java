package com.flashsale.common.errors;

import io.dropwizard.core.setup.Environment;

/** Installs {@link JsonErrorHandler} on the server and on the application context. */
public final class ServerErrors {

    private ServerErrors() {
    }

    public static void install(Environment environment) {
        JsonErrorHandler handler = new JsonErrorHandler();
        environment.getApplicationContext().setErrorHandler(handler);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(handler));
    }
}
