package com.flashsale.ingest.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.ingest.api.OrderAccepted;
import com.flashsale.ingest.api.OrderRequest;
import com.flashsale.ingest.core.EventFactory;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.EventPublisher;
import com.flashsale.ingest.core.OrderIds;
import com.flashsale.ingest.core.RequestIds;
import com.flashsale.ingest.core.limits.Admission;
import com.flashsale.ingest.core.limits.AdmissionControl;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a shopper's purchase: derives the order id, appends {@code OrderSubmitted} to
 * {@code order-submissions} keyed by SKU, and returns {@code 202} once the broker has acknowledged it. The
 * outcome (reserved or rejected) is decided later by the stream processor and read from
 * {@code statusUrl}. Before sending, {@link AdmissionControl} applies the rate limits, the cap on
 * open orders per SKU and the bound on sends in flight.
 */
@Path("/v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final Logger LOG = LoggerFactory.getLogger(OrderResource.class);

    private final EventPublisher publisher;
    private final EventFactory events;
    private final AcknowledgedResponder responder;
    private final AdmissionControl admissions;
    private final ClientAddresses clientAddresses;
    private final String topic;
    private final String statusUrlBase;
    private final int maxQuantityPerOrder;

    public OrderResource(EventPublisher publisher, EventFactory events, AcknowledgedResponder responder,
                         AdmissionControl admissions, ClientAddresses clientAddresses,
                         String topic, String projectionPublicUrl, int maxQuantityPerOrder) {
        this.publisher = publisher;
        this.events = events;
        this.responder = responder;
        this.admissions = admissions;
        this.clientAddresses = clientAddresses;
        this.topic = topic;
        this.statusUrlBase = projectionPublicUrl + "/v1/orders/";
        this.maxQuantityPerOrder = maxQuantityPerOrder;
    }

    @POST
    @RolesAllowed(Role.SHOPPER_NAME)
    public void submit(@Auth Caller caller,
                       @NotNull @Valid OrderRequest request,
                       @Context ContainerRequestContext context,
                       @Context HttpServletRequest http,
                       @Suspended AsyncResponse async) {
        if (request.quantity() > maxQuantityPerOrder) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "quantity");
        }

        String requestId = RequestIdFilter.of(context);
        String orderId = OrderIds.derive(caller.userId(), request.clientRequestId());
        OrderSubmitted event = events.orderSubmitted(orderId, caller.userId(), request.skuId(),
                request.quantity(), request.clientRequestId(), requestId);

        Admission admission = admissions.admitOrder(caller, clientAddresses.of(http),
                request.skuId(), request.clientRequestId());
        responder.resumeAfter(async, admission,
                () -> publisher.publish(topic, request.skuId(), event, EventHeaders.forRequest(requestId)),
                () -> Response.accepted(new OrderAccepted(orderId, OrderAccepted.SUBMITTED, statusUrlBase + orderId))
                        .header(RequestIds.HEADER, requestId)
                        .build(),
                error -> LOG.warn("Publishing failed orderId={} skuId={} requestId={} error={}",
                        orderId, request.skuId(), requestId, error.toString()));
    }
}
