package com.flashsale.projection.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import liquibase.exception.LiquibaseException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A migrated, empty read-model database for one test class: an in-memory H2 database in
 * PostgreSQL mode, or a fresh schema on the PostgreSQL server that the build names. The
 * PostgreSQL variant fails when the server is unreachable: tests that need it are never skipped.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL_PROPERTY = "flashsale.test.postgres.url";
    public static final String POSTGRES_USER_PROPERTY = "flashsale.test.postgres.user";

    private final String name;
    private final Jdbi jdbi;
    private final Runnable cleanup;

    private TestDatabase(String name, Jdbi jdbi, Runnable cleanup) {
        this.name = name;
        this.jdbi = jdbi;
        this.cleanup = cleanup;
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:projection-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Jdbi jdbi = migrated(Jdbi.create(url, "sa", ""));
        return new TestDatabase("H2", jdbi, () -> jdbi.useHandle(handle -> handle.execute("DROP ALL OBJECTS")));
    }

    public static TestDatabase postgres() {
        String baseUrl = System.getProperty(POSTGRES_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty(POSTGRES_USER_PROPERTY, "postgres");
        String schema = "projection_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);

        execute(baseUrl, user, "CREATE SCHEMA " + schema);
        String separator = baseUrl.contains("?") ? "&" : "?";
        // Commits need not reach the disk for a test schema that is dropped afterwards.
        String url = baseUrl + separator + "currentSchema=" + schema + "&options=-c%20synchronous_commit%3Doff";
        Runnable dropSchema = () -> execute(baseUrl, user, "DROP SCHEMA " + schema + " CASCADE");
        try {
            return new TestDatabase("PostgreSQL schema " + schema, migrated(Jdbi.create(url, user, "")), dropSchema);
        } catch (RuntimeException e) {
            dropSchema.run();
            throw e;
        }
    }

    private static Jdbi migrated(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        ProjectionJdbi.configure(jdbi);
        jdbi.useHandle(handle -> {
            try {
                SchemaMigrations.migrate(handle.getConnection());
            } catch (LiquibaseException | SQLException e) {
                throw new IllegalStateException("Schema migration failed", e);
            }
        });
        return jdbi;
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " failed to run: " + sql
                    + " (start the server, or set -D" + POSTGRES_URL_PROPERTY + ")", e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Empties every read-model table, keeping the schema. */
    public void truncate() {
        jdbi.useHandle(handle -> {
            handle.execute("DELETE FROM orders");
            handle.execute("DELETE FROM skus");
            handle.execute("DELETE FROM applied_events");
            handle.execute("DELETE FROM order_history");
        });
    }

    @Override
    public void close() {
        cleanup.run();
    }

    @Override
    public String toString() {
        return name;
    }
}
