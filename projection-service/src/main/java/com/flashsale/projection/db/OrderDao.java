package com.flashsale.projection.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code orders} view. */
@RegisterConstructorMapper(OrderRow.class)
public interface OrderDao {

    /**
     * Inserts each order unless it exists; returns 1 for each row inserted and 0 for each that
     * existed. A new row's version is the number of the order's history rows, which include every
     * event of the batch and any event that only entered the history, such as a rejected payment,
     * before the order row existed. So the history rows must be written first.
     */
    @SqlBatch("""
            INSERT INTO orders (order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                                submitted_at, updated_at, expires_at, client_request_id)
            VALUES (:orderId, :userId, :skuId, :quantity, :status, :reason,
                    (SELECT COUNT(*) FROM order_history WHERE order_id = :orderId), :statusRank,
                    :submittedAt, :updatedAt, :expiresAt, :clientRequestId)
            ON CONFLICT DO NOTHING
            """)
    int[] insertAllIfAbsent(@BindMethods List<OrderUpsert> orders);

    /**
     * Merges a batch's events into existing orders. The status and its reason change only to a
     * higher rank. Every other column keeps a value that does not depend on the arrival order of
     * events: the earliest time as submission time, the latest as update time, and the first known
     * quantity, hold end and client request id. The version rises by the number of events.
     */
    @SqlBatch("""
            UPDATE orders
            SET status = CASE WHEN CAST(:statusRank AS INTEGER) > status_rank
                              THEN CAST(:status AS VARCHAR(32)) ELSE status END,
                reason = CASE WHEN CAST(:statusRank AS INTEGER) > status_rank
                              THEN CAST(:reason AS VARCHAR(64)) ELSE reason END,
                status_rank = GREATEST(status_rank, CAST(:statusRank AS INTEGER)),
                version = version + CAST(:events AS INTEGER),
                quantity = COALESCE(quantity, CAST(:quantity AS INTEGER)),
                expires_at = COALESCE(expires_at, CAST(:expiresAt AS TIMESTAMP WITH TIME ZONE)),
                client_request_id = COALESCE(client_request_id, CAST(:clientRequestId AS VARCHAR(256))),
                submitted_at = LEAST(submitted_at, CAST(:submittedAt AS TIMESTAMP WITH TIME ZONE)),
                updated_at = GREATEST(updated_at, CAST(:updatedAt AS TIMESTAMP WITH TIME ZONE))
            WHERE order_id = :orderId
            """)
    void advanceAll(@BindMethods List<OrderUpsert> orders);

    /**
     * Raises the version of existing orders for events that change nothing else. The update time
     * stays, so that it does not depend on whether the order row existed when the events came.
     */
    @SqlBatch("""
            UPDATE orders
            SET version = version + CAST(:events AS INTEGER)
            WHERE order_id = :orderId
            """)
    void countEvents(@Bind("orderId") List<String> orderIds, @Bind("events") List<Integer> events);

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
