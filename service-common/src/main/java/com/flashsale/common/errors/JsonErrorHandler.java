package com.flashsale.common.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Gives the errors that Jetty produces itself, before Jersey handles the request (a path with an
 * encoded control character, a malformed URI), the same {@code {code, message}} JSON body as
 * every other error. Jetty's default page is HTML and may name Jetty's internals.
 *
 * <p>NOTE: a request that Jetty rejects for a suspicious URI gets the English message even with
 * {@code Accept-Language: zh-CN}; the header is not visible here for such requests.
 */
public class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int status, String reason,
                                    Throwable cause, Callback callback) throws IOException {
        ErrorCode code = codeFor(status);
        Language language = Language.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        byte[] body = JSON.writeValueAsBytes(new ErrorResponse(code.name(), code.message(language, "path")));

        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_PARAMETER;
            case 401 -> ErrorCode.MISSING_TOKEN;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.OVERLOADED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_PARAMETER;
        };
    }

    /** Encodes a body outside a request, for Jetty's handling of unparseable HTTP messages. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        ErrorCode code = codeFor(status);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(new ErrorResponse(code.name(), code.message(Language.ENGLISH, "request"))));
        } catch (IOException e) {
            return ByteBuffer.wrap(code.name().getBytes(StandardCharsets.UTF_8));
        }
    }
}
