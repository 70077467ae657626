package com.flashsale.ingest.resources;

import com.flashsale.common.auth.Caller;
import com.flashsale.common.auth.Role;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.events.AdjustStock;
import com.flashsale.events.SetStock;
import com.flashsale.ingest.api.IdPatterns;
import com.flashsale.ingest.api.StockAccepted;
import com.flashsale.ingest.api.StockAdjustmentRequest;
import com.flashsale.ingest.api.StockRequest;
import com.flashsale.ingest.core.EventFactory;
import com.flashsale.ingest.core.EventHeaders;
import com.flashsale.ingest.core.EventPublisher;
import com.flashsale.ingest.core.RequestIds;
import com.flashsale.ingest.core.SaleWindow;
import com.flashsale.ingest.core.limits.Admission;
import com.flashsale.ingest.core.limits.AdmissionControl;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * Loads the stock and rules of a sale ({@code SetStock}) or changes the stock of a running sale
 * ({@code AdjustStock}): appends the command to {@code stock-commands} keyed by SKU and returns
 * {@code 202} once the broker has acknowledged it. The stream processor applies it, and rejects
 * a change that would leave less stock than is reserved plus sold.
 */
@Path("/v1/skus/{skuId}/stock")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    private static final Logger LOG = LoggerFactory.getLogger(StockResource.class);

    private final EventPublisher publisher;
    private final EventFactory events;
    private final AcknowledgedResponder responder;
    private final AdmissionControl admissions;
    private final ClientAddresses clientAddresses;
    private final String topic;

    public StockResource(EventPublisher publisher, EventFactory events, AcknowledgedResponder responder,
                         AdmissionControl admissions, ClientAddresses clientAddresses, String topic) {
        this.publisher = publisher;
        this.events = events;
        this.responder = responder;
        this.admissions = admissions;
        this.clientAddresses = clientAddresses;
        this.topic = topic;
    }

    @PUT
    @RolesAllowed(Role.MERCHANT_NAME)
    public void setStock(@Auth Caller caller,
                         @PathParam("skuId") String skuId,
                         @NotNull @Valid StockRequest request,
                         @Context ContainerRequestContext context,
                         @Context HttpServletRequest http,
                         @Suspended AsyncResponse async) {
        if (!IdPatterns.isSkuId(skuId)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "skuId");
        }
        SaleWindow window = SaleWindow.parse(request.saleStart(), request.saleEnd());

        String requestId = RequestIdFilter.of(context);
        SetStock event = events.setStock(skuId, caller.userId(), request.stock(), request.perUserLimit(),
                window, requestId);

        publish(caller, skuId, event, requestId, http, async);
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed(Role.MERCHANT_NAME)
    public void adjustStock(@Auth Caller caller,
                            @PathParam("skuId") String skuId,
                            @NotNull @Valid StockAdjustmentRequest request,
                            @Context ContainerRequestContext context,
                            @Context HttpServletRequest http,
                            @Suspended AsyncResponse async) {
        if (!IdPatterns.isSkuId(skuId)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "skuId");
        }
        if (request.delta() == 0) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "delta");
        }

        String requestId = RequestIdFilter.of(context);
        AdjustStock event = events.adjustStock(skuId, caller.userId(), request.delta(), requestId);
        publish(caller, skuId, event, requestId, http, async);
    }

    private void publish(Caller caller, String skuId, SpecificRecord event, String requestId,
                         HttpServletRequest http, AsyncResponse async) {
        Admission admission = admissions.admitCommand(caller, clientAddresses.of(http));
        responder.resumeAfter(async, admission,
                () -> publisher.publish(topic, skuId, event, EventHeaders.forRequest(requestId)),
                () -> Response.accepted(new StockAccepted(skuId, StockAccepted.ACCEPTED))
                        .header(RequestIds.HEADER, requestId)
                        .build(),
                error -> LOG.warn("Publishing failed skuId={} merchantId={} requestId={} command={} error={}",
                        skuId, caller.userId(), requestId, event.getSchema().getName(), error.toString()));
    }
}
