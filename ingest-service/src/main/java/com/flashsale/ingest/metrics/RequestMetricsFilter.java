package com.flashsale.ingest.metrics;

import com.flashsale.common.errors.ErrorResponse;
import com.flashsale.common.metrics.PrometheusEndpoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Counts accepted requests and error responses by code, and times each accepted request from its
 * arrival until the {@code 202} after the broker's acknowledgement. Error responses of the
 * exception mappers and of the auth filter pass through here too, so every {@code {code, message}}
 * body the service sends is counted once.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Label value for requests that matched no resource method, such as an unknown path. */
    static final String UNMATCHED = "unmatched";

    private static final String START_PROPERTY = RequestMetricsFilter.class.getName() + ".start";

    private final Counter accepted;
    private final Counter rejected;
    private final Histogram acceptLatency;

    public RequestMetricsFilter(PrometheusRegistry registry) {
        this.accepted = PrometheusEndpoint.counter(registry, "flashsale_ingest_accepted",
                "Requests answered 202 after Kafka acknowledged their event, by resource method", "operation");
        this.rejected = PrometheusEndpoint.counter(registry, "flashsale_ingest_rejected",
                "Error responses by their error code", "code");
        this.acceptLatency = PrometheusEndpoint.secondsHistogram(registry, "flashsale_ingest_accept_duration",
                "Time from a request's arrival to its 202 response, by resource method", "operation");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START_PROPERTY, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 202) {
            String operation = operation(request);
            accepted.labelValues(operation).inc();
            if (request.getProperty(START_PROPERTY) instanceof Long start) {
                acceptLatency.labelValues(operation).observe((System.nanoTime() - start) / 1e9);
            }
        } else if (response.getEntity() instanceof ErrorResponse error) {
            rejected.labelValues(error.code()).inc();
        }
    }

    private static String operation(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof ExtendedUriInfo uriInfo) {
            ResourceMethod method = uriInfo.getMatchedResourceMethod();
            if (method != null) {
                return method.getInvocable().getDefinitionMethod().getName();
            }
        }
        return UNMATCHED;
    }
}
