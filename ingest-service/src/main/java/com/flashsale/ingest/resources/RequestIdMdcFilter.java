package com.flashsale.ingest.resources;

import com.flashsale.ingest.core.RequestIds;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Chooses the request id as the request enters the servlet chain and puts it into the logging MDC
 * under {@code requestId}, so that every log line written on the request thread carries it. The
 * MDC entry is removed when the thread leaves the chain, because Jetty reuses the thread for other
 * requests. {@link AcknowledgedResponder} copies it to the threads that finish an async request.
 */
public class RequestIdMdcFilter implements Filter {

    public static final String MDC_KEY = "requestId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestIds.choose(((HttpServletRequest) request).getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIdFilter.PROPERTY, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
