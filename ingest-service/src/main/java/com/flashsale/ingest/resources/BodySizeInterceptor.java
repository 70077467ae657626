package com.flashsale.ingest.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads every request body into memory before it is parsed, and rejects it with
 * {@code 413 PAYLOAD_TOO_LARGE} as soon as it passes {@link BodySizeFilter#MAX_BODY_BYTES}. This
 * bounds chunked bodies, which declare no length. At most one byte more than the limit is read,
 * so a client cannot make the service buffer a large body.
 */
public class BodySizeInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readNBytes(BodySizeFilter.MAX_BODY_BYTES + 1);
        if (body.length > BodySizeFilter.MAX_BODY_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
