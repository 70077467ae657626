package com.flashsale.common.errors;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives JAX-RS's own errors (unknown path, wrong method or media type, role check) our body. */
public class WebErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebErrorMapper.class);

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        return ErrorResponses.build(headers, codeOf(e));
    }

    private static ErrorCode codeOf(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return ErrorCode.NOT_FOUND;
        }
        if (e instanceof NotAllowedException) {
            return ErrorCode.METHOD_NOT_ALLOWED;
        }
        if (e instanceof NotSupportedException) {
            return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
        }
        if (e instanceof NotAcceptableException) {
            return ErrorCode.NOT_ACCEPTABLE;
        }
        if (e instanceof ForbiddenException) {
            return ErrorCode.FORBIDDEN;
        }
        if (e instanceof NotAuthorizedException) {
            return ErrorCode.MISSING_TOKEN;
        }

        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> ErrorCode.INVALID_JSON;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.OVERLOADED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> {
                LOG.warn("Mapped an unexpected web error status={} to INTERNAL_ERROR", status, e);
                yield ErrorCode.INTERNAL_ERROR;
            }
        };
    }
}
