package com.flashsale.common.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns a domain error into its status, headers and localized body. */
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.build(headers, e.code(), e.detail(), e.headers());
    }
}
