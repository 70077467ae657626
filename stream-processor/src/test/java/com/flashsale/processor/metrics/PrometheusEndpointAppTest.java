package com.flashsale.processor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.processor.StreamProcessorApplication;
import com.flashsale.processor.config.StreamProcessorConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The processor with no broker reachable: Kafka Streams keeps trying to connect while the admin port serves requests. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusEndpointAppTest {

    private static final DropwizardAppExtension<StreamProcessorConfiguration> EXTENSION = new DropwizardAppExtension<>(
            StreamProcessorApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("kafka.bootstrapServers", "127.0.0.1:" + closedPort()),
            ConfigOverride.config("stateDir", temporaryDirectory()));

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("processor-metrics").toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a state directory", e);
        }
    }

    @Test
    void adminPortServesStreamsSeriesInPrometheusFormat() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + EXTENSION.getAdminPort() + "/metrics")).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("flashsale_processor_records_lag_max");
        assertThat(response.body()).contains("flashsale_processor_dropped_records_total");
        assertThat(response.body()).contains("jvm_threads_current");
    }
}
