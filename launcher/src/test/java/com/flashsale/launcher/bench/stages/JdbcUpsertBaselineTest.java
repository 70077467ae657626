package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the baseline's MERGE on the two databases the projection supports; PostgreSQL must be up. */
class JdbcUpsertBaselineTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final int ORDERS = 1_040;

    @TempDir
    Path directory;

    @Test
    void h2EndsWithFinalStatusPerOrder() throws SQLException {
        try (BenchDatabase h2 = BenchDatabase.h2(directory)) {
            assertBaselineWritesSale(h2);
        }
    }

    @Test
    void postgresEndsWithFinalStatusPerOrder() throws SQLException {
        String serverUrl = System.getProperty("flashsale.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("flashsale.test.postgres.user", "postgres");
        // A random time, so that builds running at the same second do not pick the same database name.
        Clock clock = Clock.fixed(Instant.ofEpochSecond(ThreadLocalRandom.current().nextLong(1L << 31)), ZoneOffset.UTC);

        BenchDatabase postgres = BenchDatabase.createPostgres(serverUrl, user, clock);
        try (postgres) {
            assertBaselineWritesSale(postgres);
        }

        assertThatThrownBy(postgres::connect).isInstanceOf(SQLException.class);
    }

    private static void assertBaselineWritesSale(BenchDatabase database) throws SQLException {
        List<OrderRowChange> changes = new BenchEvents(NOW).saleOutcomes(ORDERS, 8).stream()
                .map(event -> OrderRowChange.of(event.event()).orElseThrow())
                .toList();

        ProgressWindow window = JdbcUpsertBaseline.run(database, changes);

        assertThat(window.isComplete()).isTrue();
        assertThat(window.perSecond()).isPresent();
        assertThat(JdbcUpsertBaseline.countRows(database)).isEqualTo(ORDERS);
        Map<String, Long> statuses = statusCounts(database);
        assertThat(statuses).containsEntry("REJECTED", 208L)
                .containsEntry("CONFIRMED", 208L)
                .containsEntry("EXPIRED", 208L)
                .containsEntry("RESERVED", 416L)
                .doesNotContainKey("SUBMITTED");
        assertThat(versionSum(database)).isEqualTo(changes.size());
    }

    private static Map<String, Long> statusCounts(BenchDatabase database) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT status, COUNT(*) FROM " + JdbcUpsertBaseline.TABLE + " GROUP BY status")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long versionSum(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SUM(version) FROM " + JdbcUpsertBaseline.TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
