package com.flashsale.common.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last resort: logs the failure with its stack trace and sends only a code to the client. */
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        LOG.error("Request failed with an unexpected error", e);
        return ErrorResponses.build(headers, ErrorCode.INTERNAL_ERROR);
    }
}
