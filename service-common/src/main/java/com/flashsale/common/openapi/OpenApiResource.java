package com.flashsale.common.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the service's hand-maintained OpenAPI 3 document, the class-path resource
 * {@value #RESOURCE}, at {@code GET /openapi.yaml} without authentication.
 */
@Path("/openapi.yaml")
public class OpenApiResource {

    public static final String RESOURCE = "openapi.yaml";
    public static final String MEDIA_TYPE = "application/yaml";

    private final byte[] document;

    /** Reads the document once; a service built without one fails at start, not on the first request. */
    public OpenApiResource(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The class path has no " + RESOURCE);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE + " failed", e);
        }
    }

    @GET
    @Produces(MEDIA_TYPE + "; charset=utf-8")
    public Response document() {
        return Response.ok(document).build();
    }
}
