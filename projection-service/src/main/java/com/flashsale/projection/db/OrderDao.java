package com.flashsale.projection.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code orders} view. */
@RegisterConstructorMapper(OrderRow.class)
public interface OrderDao {

    /**
     * Inserts an order unless it exists; returns the number of rows inserted. Its version is the
     * number of the order's history rows, which include the current event and any event that only
     * enters the history, such as a rejected payment, applied before the order row existed.
     */
    @SqlUpdate("""
            INSERT INTO orders (order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                                submitted_at, updated_at, expires_at, client_request_id)
            VALUES (:orderId, :userId, :skuId, :quantity, :status, :reason,
                    (SELECT COUNT(*) FROM order_history WHERE order_id = :orderId), :statusRank,
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

    /**
     * Raises the version of an existing order for an event that changes nothing else. The update
     * time stays, so that it does not depend on whether the order row existed when the event came.
     */
    @SqlUpdate("""
            UPDATE orders
            SET version = version + 1
            WHERE order_id = :orderId
            """)
    int countEvent(@Bind("orderId") String orderId);

    @SqlQuery("""
            SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                   submitted_at, updated_at, expires_at, client_request_id
            FROM orders
            WHERE order_id = :orderId
            """)
    Optional<OrderRow> findById(@Bind("orderId") String orderId);

    /** Lists a user's orders newest first, by submission time and then order id, both descending. */
    @SqlQuery("""
            SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                   submitted_at, updated_at, expires_at, client_request_id
            FROM orders
            WHERE user_id = :userId
              AND (CAST(:status AS VARCHAR(32)) IS NULL OR status = CAST(:status AS VARCHAR(32)))
            ORDER BY submitted_at DESC, order_id DESC
            LIMIT :limit
            """)
    List<OrderRow> findFirstPageByUser(@Bind("userId") String userId,
                                       @Bind("status") String status,
                                       @Bind("limit") int limit);

    /** Lists the user's orders that come after the given sort key in {@link #findFirstPageByUser}'s order. */
    @SqlQuery("""
            SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                   submitted_at, updated_at, expires_at, client_request_id
            FROM orders
            WHERE user_id = :userId
              AND (CAST(:status AS VARCHAR(32)) IS NULL OR status = CAST(:status AS VARCHAR(32)))
              AND (submitted_at < :afterSubmittedAt
                   OR (submitted_at = :afterSubmittedAt AND order_id < :afterOrderId))
            ORDER BY submitted_at DESC, order_id DESC
            LIMIT :limit
            """)
    List<OrderRow> findPageByUserAfter(@Bind("userId") String userId,
                                       @Bind("status") String status,
                                       @Bind("afterSubmittedAt") Instant afterSubmittedAt,
                                       @Bind("afterOrderId") String afterOrderId,
                                       @Bind("limit") int limit);

    /** Lists every order by id, for the audit. */
    @SqlQuery("""
            SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                   submitted_at, updated_at, expires_at, client_request_id
            FROM orders
            ORDER BY order_id
            """)
    List<OrderRow> listAll();
}
