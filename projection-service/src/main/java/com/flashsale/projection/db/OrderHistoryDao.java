package com.flashsale.projection.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code order_history} view: every applied event of each order. */
@RegisterConstructorMapper(OrderHistoryRow.class)
public interface OrderHistoryDao {

    @SqlBatch("""
            INSERT INTO order_history (event_id, order_id, event_type, occurred_at, reason, causation_id, request_id)
            VALUES (:eventId, :orderId, :eventType, :occurredAt, :reason, :causationId, :requestId)
            ON CONFLICT DO NOTHING
            """)
    void insertAll(@BindMethods List<OrderHistoryRow> rows);

    /** Lists an order's events by the time they happened, ties broken by event id. */
    @SqlQuery("""
            SELECT event_id, order_id, event_type, occurred_at, reason, causation_id, request_id
            FROM order_history
            WHERE order_id = :orderId
            ORDER BY occurred_at, event_id
            """)
    List<OrderHistoryRow> findByOrderId(@Bind("orderId") String orderId);
}
