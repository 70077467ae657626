package com.flashsale.ingest.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Rejects a request whose declared body is larger than any valid request of this API with
 * {@code 413 PAYLOAD_TOO_LARGE}, before authentication or JSON parsing spend work on it. A body
 * without {@code Content-Length} (chunked) is counted while it is read by {@link BodySizeInterceptor}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class BodySizeFilter implements ContainerRequestFilter {

    /** Maximum body size in bytes. A valid order or stock body without extra whitespace is under 400 bytes. */
    static final int MAX_BODY_BYTES = 8 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }
}
