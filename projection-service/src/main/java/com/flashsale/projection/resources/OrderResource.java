package com.flashsale.projection.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.api.OrderView;
import com.flashsale.projection.db.OrderDao;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Status queries for orders. Only the owner and merchants can read an order. Anyone else gets the
 * same 404 as for an unknown id, so that order ids cannot be probed.
 */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderDao orders;

    public OrderResource(OrderDao orders) {
        this.orders = orders;
    }

    @GET
    @Path("/{orderId}")
    public OrderView find(@Auth Caller caller, @PathParam("orderId") String orderId) {
        PathIds.require("orderId", orderId);
        return orders.findById(orderId)
                .filter(order -> caller.isMerchant() || order.userId().equals(caller.userId()))
                .map(OrderView::of)
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND));
    }
}
