package com.flashsale.projection.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.api.OrderEventView;
import com.flashsale.projection.api.OrderHistoryView;
import com.flashsale.projection.api.OrderView;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.OrderHistoryRow;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.longpoll.OrderWaiters;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Status and history queries for orders. Only the owner and merchants can read an order. Anyone
 * else gets the same 404 as for an unknown id, so that order ids cannot be probed.
 */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** Maximum wait of a long poll in seconds, below the 60 s after which {@code wx.request} times out by default. */
    static final int MAX_WAIT_SECONDS = 25;

    /** Seconds a client is asked to wait before polling again when too many queries wait. */
    static final int OVERLOADED_RETRY_SECONDS = 2;

    private final OrderDao orders;
    private final OrderHistoryDao history;
    private final OrderWaiters waiters;

    public OrderResource(OrderDao orders, OrderHistoryDao history, OrderWaiters waiters) {
        this.orders = orders;
        this.history = history;
        this.waiters = waiters;
    }

    /**
     * Returns the order at once, or with {@code waitSeconds} (capped at 25) as soon as its version
     * exceeds {@code afterVersion} (default 0, so an order not yet projected is waited for). When
     * the wait ends first, it returns the order as it is then, or 404.
     */
    @GET
    @Path("/{orderId}")
    public void find(@Auth Caller caller,
                     @PathParam("orderId") String orderId,
                     @QueryParam("waitSeconds") String waitSeconds,
                     @QueryParam("afterVersion") String afterVersion,
                     @Suspended AsyncResponse response) {
        PathIds.require("orderId", orderId);
        long wait = QueryParams.optionalLong("waitSeconds", waitSeconds, 0, Long.MAX_VALUE).orElse(0);
        long version = QueryParams.optionalLong("afterVersion", afterVersion, 0, Long.MAX_VALUE).orElse(0);
        if (wait == 0) {
            response.resume(visibleOrder(caller, orders.findById(orderId)));
            return;
        }

        OrderWait orderWait = new OrderWait(caller, orderId, version, response);
        if (!waiters.await(orderWait, Duration.ofSeconds(Math.min(wait, MAX_WAIT_SECONDS)))) {
            response.resume(ApiException.retryAfter(ErrorCode.OVERLOADED, OVERLOADED_RETRY_SECONDS));
        }
    }

    /** Lists the order's events. A merchant also gets the history of an order that has no row. */
    @GET
    @Path("/{orderId}/events")
    public OrderHistoryView events(@Auth Caller caller, @PathParam("orderId") String orderId) {
        PathIds.require("orderId", orderId);
        Optional<OrderRow> order = orders.findById(orderId);
        if (!caller.isMerchant() && order.filter(row -> isVisible(caller, row)).isEmpty()) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND);
        }
        List<OrderHistoryRow> rows = history.findByOrderId(orderId);
        if (order.isEmpty() && rows.isEmpty()) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND);
        }
        return new OrderHistoryView(orderId, rows.stream().map(OrderEventView::of).toList());
    }

    static boolean isVisible(Caller caller, OrderRow order) {
        return caller.isMerchant() || order.userId().equals(caller.userId());
    }

    static OrderView visibleOrder(Caller caller, Optional<OrderRow> order) {
        return order.filter(row -> isVisible(caller, row))
                .map(OrderView::of)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND));
    }
}
