package com.flashsale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.openapi.OpenApiOperations;
import com.flashsale.common.openapi.OpenApiResource;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    private static List<Class<?>> registeredResourceClasses() {
        ResourceConfig config = EXTENSION.getEnvironment().jersey().getResourceConfig();
        return Stream.concat(config.getClasses().stream(), config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .toList();
    }

    @Test
    void documentListsExactlyTheRegisteredOperations() throws Exception {
        Set<String> documented;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiResource.RESOURCE)) {
            documented = OpenApiOperations.documented(in);
        }

        Set<String> registered = OpenApiOperations.registered(registeredResourceClasses());

        assertThat(registered).contains("POST /v1/orders", "PUT /v1/skus/{skuId}/stock");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void documentIsServedWithoutToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + EXTENSION.getLocalPort() + "/openapi.yaml")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(OpenApiResource.MEDIA_TYPE));
        assertThat(response.body()).startsWith("openapi: 3.");
    }
}
