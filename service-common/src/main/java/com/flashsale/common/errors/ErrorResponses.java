package com.flashsale.common.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds the JSON error response in the caller's language. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response build(HttpHeaders requestHeaders, ErrorCode code, String detail, Map<String, String> headers) {
        String acceptLanguage = requestHeaders == null ? null : requestHeaders.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        Language language = Language.fromAcceptLanguage(acceptLanguage);

        Response.ResponseBuilder response = Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorResponse(code.name(), code.message(language, detail)));
        headers.forEach(response::header);
        return response.build();
    }

    public static Response build(HttpHeaders requestHeaders, ErrorCode code) {
        return build(requestHeaders, code, null, Map.of());
    }
}
