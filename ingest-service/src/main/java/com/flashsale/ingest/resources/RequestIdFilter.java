package com.flashsale.ingest.resources;

import com.flashsale.ingest.core.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Makes sure every request has an id before authentication runs, and returns it in
 * {@code X-Request-Id} on every response, errors included, so that a client's report can be matched
 * to the log and to the event the request wrote. The id is normally chosen earlier by
 * {@link RequestIdMdcFilter}, whose servlet request attribute Jersey exposes as a property.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Name of the request property that contains the chosen id. */
    public static final String PROPERTY = "flashsale.requestId";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(PROPERTY) instanceof String)) {
            request.setProperty(PROPERTY, RequestIds.choose(request.getHeaderString(RequestIds.HEADER)));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(PROPERTY);
        if (requestId != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, requestId);
        }
    }

    /** Returns the id chosen for this request, or a fresh one if neither filter ran. */
    public static String of(ContainerRequestContext request) {
        Object requestId = request.getProperty(PROPERTY);
        return requestId instanceof String id ? id : RequestIds.choose(null);
    }
}
