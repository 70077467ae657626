package com.flashsale.launcher.bench.stages;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database the projection stage writes to: a fresh H2 file, or a fresh PostgreSQL database that
 * {@link #close()} drops again.
 *
 * @param label     the database's name in the results, {@code H2} or {@code PostgreSQL}
 * @param url       JDBC URL for the projection and the baseline
 * @param user      user of {@code url}
 * @param password  password of {@code url}, empty for trust authentication
 * @param adminUrl  for PostgreSQL, the {@code postgres} database that created this one; null for H2
 * @param name      for PostgreSQL, the database to drop on close; null for H2
 */
record BenchDatabase(String label, String url, String user, String password, String adminUrl, String name)
        implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final DateTimeFormatter NAME_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /** Names a fresh H2 file under {@code directory}, in the PostgreSQL mode that the projection's config.yml uses. */
    static BenchDatabase h2(Path directory) {
        return new BenchDatabase("H2", "jdbc:h2:" + directory.resolve("projection").toAbsolutePath()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "", null, null);
    }

    /**
     * Creates {@code flashsale_bench_<UTC time>} on the server of {@code serverUrl}, connecting to
     * its {@code postgres} database.
     *
     * @throws SQLException when the server is unreachable or rejects the statement
     */
    static BenchDatabase createPostgres(String serverUrl, String user, Clock clock) throws SQLException {
        String name = "flashsale_bench_" + NAME_SUFFIX.format(clock.instant().atOffset(ZoneOffset.UTC));
        String adminUrl = withDatabase(serverUrl, "postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase("PostgreSQL", withDatabase(serverUrl, name), user, "", adminUrl, name);
    }

    /** Returns {@code url} with its database replaced by {@code database}, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL of the form"
                    + " jdbc:postgresql://host:port/database: " + url);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Drops a PostgreSQL database, with any session the projection left; an H2 file stays with the run's data. */
    @Override
    public void close() throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
