package com.flashsale.projection.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.api.OrderPage;
import com.flashsale.projection.api.OrderView;
import com.flashsale.projection.core.OrderStatus;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderRow;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** The caller's own orders, newest first, in pages. */
@Path("/v1/users/me/orders")
@Produces(MediaType.APPLICATION_JSON)
public class UserOrderResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final OrderDao orders;

    public UserOrderResource(OrderDao orders) {
        this.orders = orders;
    }

    /**
     * Returns up to {@code limit} orders (1 to 100, default 20) after {@code cursor}, optionally
     * only those with the given {@code status}.
     */
    @GET
    public OrderPage list(@Auth Caller caller,
                          @QueryParam("limit") String limit,
                          @QueryParam("cursor") String cursor,
                          @QueryParam("status") String status) {
        int pageSize = (int) QueryParams.optionalLong("limit", limit, 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        String statusFilter = status == null ? null : requireStatus(status);

        // Fetching one row more than the page shows whether another page follows.
        List<OrderRow> rows;
        if (cursor == null) {
            rows = orders.findFirstPageByUser(caller.userId(), statusFilter, pageSize + 1);
        } else {
            OrderCursor after = OrderCursor.decode(cursor);
            rows = orders.findPageByUserAfter(caller.userId(), statusFilter, after.submittedAt(), after.orderId(),
                    pageSize + 1);
        }

        List<OrderRow> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String nextCursor = rows.size() > pageSize ? OrderCursor.after(page.get(page.size() - 1)).encode() : null;
        return new OrderPage(page.stream().map(OrderView::of).toList(), nextCursor);
    }

    private static String requireStatus(String status) {
        boolean known = Arrays.stream(OrderStatus.values()).anyMatch(value -> value.name().equals(status));
        if (!known) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "status");
        }
        return status;
    }
}
