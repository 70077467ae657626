package com.flashsale.projection.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code orders} view. */
@RegisterConstructorMapper(OrderRow.class)
public interface OrderDao {

    /** Inserts an order at version 1 unless it exists; returns the number of rows inserted. */
    @SqlUpdate("""
            INSERT INTO orders (order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                                submitted_at, updated_at, expires_at, client_request_id)
            VALUES (:orderId, :userId, :skuId, :quantity, :status, :reason, 1, :statusRank,
                    :occurredAt, :occurredAt, :expiresAt, :clientRequestId)
            ON CONFLICT DO NOTHING
            """)
    int insertIfAbsent(@Bind("orderId") String orderId,
                       @Bind("userId") String userId,
                       @Bind("skuId") String skuId,
                       @Bind("quantity") Integer quantity,
                       @Bind("status") String status,
                       @Bind("statusRank") int statusRank,
                       @Bind("reason") String reason,
                       @Bind("occurredAt") Instant occurredAt,
                       @Bind("expiresAt") Instant expiresAt,
                       @Bind("clientRequestId") String clientRequestId);

    /**
     * Applies one more event to an existing order. The status and its reason change only to a
     * higher rank. Every other column keeps a value that does not depend on the arrival order of
     * events: the earliest time as submission time, the latest as update time, and the first known
     * quantity, hold end and client request id.
     */
    @SqlUpdate("""
            UPDATE orders
            SET status = CASE WHEN CAST(:statusRank AS INTEGER) > status_rank
                              THEN CAST(:status AS VARCHAR(32)) ELSE status END,
                reason = CASE WHEN CAST(:statusRank AS INTEGER) > status_rank
                              THEN CAST(:reason AS VARCHAR(64)) ELSE reason END,
                status_rank = GREATEST(status_rank, CAST(:statusRank AS INTEGER)),
                version = version + 1,
                quantity = COALESCE(quantity, CAST(:quantity AS INTEGER)),
                expires_at = COALESCE(expires_at, CAST(:expiresAt AS TIMESTAMP WITH TIME ZONE)),
                client_request_id = COALESCE(client_request_id, CAST(:clientRequestId AS VARCHAR(256))),
                submitted_at = LEAST(submitted_at, CAST(:occurredAt AS TIMESTAMP WITH TIME ZONE)),
                updated_at = GREATEST(updated_at, CAST(:occurredAt AS TIMESTAMP WITH TIME ZONE))
            WHERE order_id = :orderId
            """)
    int advance(@Bind("orderId") String orderId,
                @Bind("quantity") Integer quantity,
                @Bind("status") String status,
                @Bind("statusRank") int statusRank,
                @Bind("reason") String reason,
                @Bind("occurredAt") Instant occurredAt,
                @Bind("expiresAt") Instant expiresAt,
                @Bind("clientRequestId") String clientRequestId);

    @SqlQuery("""
            SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                   submitted_at, updated_at, expires_at, client_request_id
            FROM orders
            WHERE order_id = :orderId
            """)
    Optional<OrderRow> findById(@Bind("orderId") String orderId);
}
