package com.flashsale.ingest.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.ingest.api.OrderAccepted;
import com.flashsale.ingest.api.OrderRequest;
import com.flashsale.ingest.core.OrderIds;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The baseline of the ingest benchmark: the same filters, token check, strict JSON parsing and
 * validation as {@code POST /v1/orders}, and the same {@code 202} body, but it sends nothing to
 * Kafka and takes no rate-limit permits. The difference between the two endpoints on one server is
 * the cost of the limits and of waiting for the broker's acknowledgement. The application registers
 * it only when {@code benchmarkBaseline} is true, because it accepts orders that go nowhere.
 */
@Path("/v1/benchmark/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkOrderResource {

    private final String statusUrlBase;
    private final int maxQuantityPerOrder;

    public BenchmarkOrderResource(String projectionPublicUrl, int maxQuantityPerOrder) {
        this.statusUrlBase = projectionPublicUrl + "/v1/orders/";
        this.maxQuantityPerOrder = maxQuantityPerOrder;
    }

    @POST
    @RolesAllowed(Role.SHOPPER_NAME)
    public Response submit(@Auth Caller caller, @NotNull @Valid OrderRequest request) {
        if (request.quantity() > maxQuantityPerOrder) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "quantity");
        }
        String orderId = OrderIds.derive(caller.userId(), request.clientRequestId());
        return Response.accepted(new OrderAccepted(orderId, OrderAccepted.SUBMITTED, statusUrlBase + orderId)).build();
    }
}
