package com.flashsale.projection.config;

import java.util.Optional;

/** JDBC driver classes of the databases this service supports, chosen by the URL's scheme. */
public final class DatabaseDrivers {

    static final String H2 = "org.h2.Driver";
    static final String POSTGRESQL = "org.postgresql.Driver";

    private DatabaseDrivers() {
    }

    public static Optional<String> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        return Optional.empty();
    }
}
