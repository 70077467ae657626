package com.flashsale.launcher.bench.stages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The projection stage's baseline: the same order-row changes written with plain JDBC, one
 * standard {@code MERGE} per change (it runs on H2 in PostgreSQL mode and on PostgreSQL 15),
 * sent in batches of {@value #BATCH_SIZE}, one transaction per batch. The scratch table has the
 * columns, key and user index of the projection's {@code orders} table, but the baseline keeps no
 * order history and no record of applied event ids.
 */
final class JdbcUpsertBaseline {

    static final int BATCH_SIZE = 500;
    static final String TABLE = "bench_orders_baseline";

    private static final String CREATE_TABLE = """
            CREATE TABLE bench_orders_baseline (
                order_id VARCHAR(256) NOT NULL PRIMARY KEY,
                user_id VARCHAR(256) NOT NULL,
                sku_id VARCHAR(256) NOT NULL,
                quantity INTEGER,
                status VARCHAR(32) NOT NULL,
                reason VARCHAR(64),
                version BIGINT NOT NULL,
                status_rank INTEGER NOT NULL,
                submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
                updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                expires_at TIMESTAMP WITH TIME ZONE,
                client_request_id VARCHAR(256))
            """;

    private static final String CREATE_INDEX = """
            CREATE INDEX bench_orders_baseline_user_idx ON bench_orders_baseline (user_id, submitted_at, order_id)
            """;

    /** Like the projection's update: the status changes only to a higher rank, the version counts events. */
    private static final String UPSERT = """
            MERGE INTO bench_orders_baseline AS target
            USING (VALUES (CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(256)), CAST(? AS VARCHAR(256)),
                           CAST(? AS INTEGER), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
                           CAST(? AS VARCHAR(256))))
                AS source (order_id, user_id, sku_id, quantity, status, reason, status_rank, occurred_at,
                           expires_at, client_request_id)
            ON target.order_id = source.order_id
            WHEN MATCHED THEN UPDATE SET
                status = CASE WHEN source.status_rank > target.status_rank THEN source.status ELSE target.status END,
                reason = CASE WHEN source.status_rank > target.status_rank THEN source.reason ELSE target.reason END,
                status_rank = GREATEST(target.status_rank, source.status_rank),
                version = target.version + 1,
                quantity = COALESCE(target.quantity, source.quantity),
                expires_at = COALESCE(target.expires_at, source.expires_at),
                client_request_id = COALESCE(target.client_request_id, source.client_request_id),
                submitted_at = LEAST(target.submitted_at, source.occurred_at),
                updated_at = GREATEST(target.updated_at, source.occurred_at)
            WHEN NOT MATCHED THEN INSERT (order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                                          submitted_at, updated_at, expires_at, client_request_id)
                VALUES (source.order_id, source.user_id, source.sku_id, source.quantity, source.status,
                        source.reason, 1, source.status_rank, source.occurred_at, source.occurred_at,
                        source.expires_at, source.client_request_id)
            """;

    private JdbcUpsertBaseline() {
    }

    /**
     * Creates the scratch table (dropping an earlier one), writes every change and returns the
     * window of the measurement, observed after each committed batch.
     */
    static ProgressWindow run(BenchDatabase database, List<OrderRowChange> changes) throws SQLException {
        try (Connection connection = database.connect()) {
            createTable(connection);
            connection.setAutoCommit(false);
            ProgressWindow window = new ProgressWindow(changes.size());
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (int start = 0; start < changes.size(); start += BATCH_SIZE) {
                    int end = Math.min(start + BATCH_SIZE, changes.size());
                    for (OrderRowChange change : changes.subList(start, end)) {
                        bind(upsert, change);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                    connection.commit();
                    window.observe(System.nanoTime(), end);
                }
            }
            return window;
        }
    }

    /** Counts the rows of the scratch table, so the stage can check that the baseline wrote every order. */
    static long countRows(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute(CREATE_TABLE);
            statement.execute(CREATE_INDEX);
        }
    }

    private static void bind(PreparedStatement upsert, OrderRowChange change) throws SQLException {
        upsert.setString(1, change.orderId());
        upsert.setString(2, change.userId());
        upsert.setString(3, change.skuId());
        if (change.quantity() == null) {
            upsert.setNull(4, Types.INTEGER);
        } else {
            upsert.setInt(4, change.quantity());
        }
        upsert.setString(5, change.status());
        upsert.setString(6, change.reason());
        upsert.setInt(7, change.statusRank());
        upsert.setObject(8, change.occurredAt().atOffset(ZoneOffset.UTC));
        setInstant(upsert, 9, change.expiresAt());
        upsert.setString(10, change.clientRequestId());
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
