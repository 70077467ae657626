package com.flashsale.projection.longpoll;

import com.flashsale.projection.db.OrderRow;
import java.util.Optional;

/** One suspended order query: when it is satisfied and how it is answered. */
public interface OrderWatch {

    String orderId();

    /** Tells whether the stored row lets the query be answered before its timeout. */
    boolean isSatisfiedBy(OrderRow row);

    /** Answers the query with the row as stored now, or empty when the order is unknown. */
    void answer(Optional<OrderRow> row);

    /** Answers the query with an error, when the row could not be read or the service stops. */
    void fail(RuntimeException e);
}
