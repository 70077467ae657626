package com.flashsale.common.errors;

import java.util.Map;

/**
 * A client-visible failure with a stable code. Resources throw it and {@link ApiExceptionMapper}
 * turns it into a localized {@code {code, message}} body; the stack trace is never sent.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code) {
        this(code, null, Map.of());
    }

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ApiException(ErrorCode code, String detail, Map<String, String> headers) {
        super(code.name() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.code = code;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
    }

    /** Builds a 429 or 503 error that tells the client when to retry, in whole seconds. */
    public static ApiException retryAfter(ErrorCode code, long seconds) {
        return new ApiException(code, null, Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
