package com.flashsale.common.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class JsonErrorHandlerTest {

    private static final DropwizardAppExtension<Configuration> APP =
            new DropwizardAppExtension<>(ErrorApp.class, ResourceHelpers.resourceFilePath("error-app.yml"));

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void encodedControlCharacterGetsJsonError() throws Exception {
        HttpResponse<String> response = get("/items/abc%07", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"").doesNotContain("<html", "jetty", "Jetty");
    }

    @Test
    void encodedNewlineGetsJsonError() throws Exception {
        HttpResponse<String> response = get("/items/abc%0A", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"").doesNotContain("<html");
    }

    @Test
    void unknownPathGetsJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/nowhere", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void validPathStillWorks() throws Exception {
        HttpResponse<String> response = get("/items/abc", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("abc");
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("Accept-Language", language)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static class ErrorApp extends Application<Configuration> {

        @Override
        public void run(Configuration configuration, Environment environment) {
            ErrorMappers.register(environment.jersey());
            ServerErrors.install(environment);
            environment.jersey().register(new ItemResource());
        }
    }

    @Path("/items")
    @Produces(MediaType.TEXT_PLAIN)
    public static class ItemResource {

        @GET
        @Path("/{id}")
        public String item(@PathParam("id") String id) {
            return id;
        }
    }
}
