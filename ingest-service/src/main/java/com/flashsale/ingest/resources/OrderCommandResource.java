package com.flashsale.ingest.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.ingest.api.CancelRequest;
import com.flashsale.ingest.api.IdPatterns;
import com.flashsale.ingest.api.OrderAccepted;
import com.flashsale.ingest.api.PaymentRequest;
import com.flashsale.ingest.core.EventFactory;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.EventPublisher;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts commands on an existing order: a payment confirmed by the merchant, or a cancel by the
 * shopper or the merchant. Each appends one command to {@code order-commands} keyed by order id and
 * returns {@code 202} once the broker has acknowledged it.
 *
 * <p>The ingest service keeps no state, so it cannot tell whether the order exists or who owns it.
 * The stream processor decides: it retries a command for an order it has not seen yet, ignores a
 * shopper's cancel of another user's order, and answers a payment after expiry or cancel with
 * {@code PaymentRejected}.
 */
@Path("/v1/orders/{orderId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderCommandResource {

    private static final Logger LOG = LoggerFactory.getLogger(OrderCommandResource.class);

    private final EventPublisher publisher;
    private final EventFactory events;
    private final AcknowledgedResponder responder;
    private final AdmissionControl admissions;
    private final ClientAddresses clientAddresses;
    private final String topic;
    private final String statusUrlBase;

    public OrderCommandResource(EventPublisher publisher, EventFactory events, AcknowledgedResponder responder,
                                AdmissionControl admissions, ClientAddresses clientAddresses,
                                String topic, String projectionPublicUrl) {
        this.publisher = publisher;
        this.events = events;
        this.responder = responder;
        this.admissions = admissions;
        this.clientAddresses = clientAddresses;
        this.topic = topic;
        this.statusUrlBase = projectionPublicUrl + "/v1/orders/";
    }

    @POST
    @Path("payment")
    @RolesAllowed(Role.MERCHANT_NAME)
    public void confirmPayment(@Auth Caller caller,
                               @PathParam("orderId") String orderId,
                               @NotNull @Valid PaymentRequest request,
                               @Context ContainerRequestContext context,
                               @Context HttpServletRequest http,
                               @Suspended AsyncResponse async) {
        requireOrderId(orderId);

        String requestId = RequestIdFilter.of(context);
        ConfirmPayment event = events.confirmPayment(orderId, caller.userId(), request.paymentId(), requestId);
        append(async, orderId, event, OrderAccepted.PAYMENT_SUBMITTED, caller, http, requestId);
    }

    /**
     * Cancels an order. The body may be absent: a JSON {@code null} or an empty body both arrive
     * here as a null {@code request}.
     */
    @POST
    @Path("cancel")
    @RolesAllowed({Role.SHOPPER_NAME, Role.MERCHANT_NAME})
    public void cancel(@Auth Caller caller,
                       @PathParam("orderId") String orderId,
                       @Valid CancelRequest request,
                       @Context ContainerRequestContext context,
                       @Context HttpServletRequest http,
                       @Suspended AsyncResponse async) {
        requireOrderId(orderId);

        String requestId = RequestIdFilter.of(context);
        CancelOrder event = events.cancelOrder(orderId, caller.userId(), caller.isMerchant(), requestId);
        append(async, orderId, event, OrderAccepted.CANCEL_SUBMITTED, caller, http, requestId);
    }

    private static void requireOrderId(String orderId) {
        if (!IdPatterns.isOrderId(orderId)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "orderId");
        }
    }

    private void append(AsyncResponse async, String orderId, SpecificRecord command, String status,
                        Caller caller, HttpServletRequest http, String requestId) {
        Admission admission = admissions.admitCommand(caller, clientAddresses.of(http));
        responder.resumeAfter(async, admission,
                () -> publisher.publish(topic, orderId, command, EventHeaders.forRequest(requestId)),
                () -> Response.accepted(new OrderAccepted(orderId, status, statusUrlBase + orderId))
                        .header(RequestIds.HEADER, requestId)
                        .build(),
                error -> LOG.warn("Publishing failed command={} orderId={} userId={} requestId={} error={}",
                        command.getSchema().getName(), orderId, caller.userId(), requestId, error.toString()));
    }
}
