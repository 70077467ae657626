package com.flashsale.projection.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.projection.db.OrderRow;
import com.flashsale.projection.longpoll.OrderWatch;
import com.flashsale.projection.longpoll.ServiceStoppingException;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.Optional;

/** A suspended long-poll request for one order, answered through its {@link AsyncResponse}. */
final class OrderWait implements OrderWatch {

    private final Caller caller;
    private final String orderId;
    private final long afterVersion;
    private final AsyncResponse response;

    OrderWait(Caller caller, String orderId, long afterVersion, AsyncResponse response) {
        this.caller = caller;
        this.orderId = orderId;
        this.afterVersion = afterVersion;
        this.response = response;
    }

    @Override
    public String orderId() {
        return orderId;
    }

    /** An order of another user ends the wait as well, with the same 404 an unknown order gets. */
    @Override
    public boolean isSatisfiedBy(OrderRow row) {
        return !OrderResource.isVisible(caller, row) || row.version() > afterVersion;
    }

    @Override
    public void answer(Optional<OrderRow> row) {
        try {
            response.resume(OrderResource.visibleOrder(caller, row));
        } catch (ApiException e) {
            response.resume(e);
        }
    }

    @Override
    public void fail(RuntimeException e) {
        if (e instanceof ServiceStoppingException) {
            response.resume(ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, 1));
        } else {
            response.resume(e);
        }
    }
}
