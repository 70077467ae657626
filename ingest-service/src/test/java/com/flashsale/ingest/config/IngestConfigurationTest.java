package com.flashsale.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/**
 * Loads the shipped {@code config.yml} the way the server command does, with the environment
 * replaced by a map, to check that the service fails to start without an adequate signing key.
 */
class IngestConfigurationTest {

    private static final String SHIPPED_CONFIG = "config.yml";
    private static final String GOOD_SECRET = "a-signing-key-of-at-least-32-characters";

    private static IngestConfiguration load(Map<String, String> environment) throws Exception {
        return load(environment, null, null);
    }

    /** Loads the shipped file with one setting changed the way {@code -Ddw.<path>=<value>} would. */
    private static IngestConfiguration load(Map<String, String> environment, String path, String value) throws Exception {
        if (path != null) {
            System.setProperty("dw." + path, value);
        }
        try {
            return build(environment);
        } finally {
            if (path != null) {
                System.clearProperty("dw." + path);
            }
        }
    }

    private static IngestConfiguration build(Map<String, String> environment) throws Exception {
        YamlConfigurationFactory<IngestConfiguration> factory = new YamlConfigurationFactory<>(
                IngestConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        StringSubstitutor substitutor = new StringSubstitutor(environment);
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                SHIPPED_CONFIG);
    }

    @Test
    void missingSecretFailsValidation() {
        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("jwt.secret is missing")
                .hasMessageContaining("FLASHSALE_JWT_SECRET");
    }

    @Test
    void shortSecretFailsValidation() {
        String shortSecret = "x".repeat(31);

        assertThatThrownBy(() -> load(Map.of("FLASHSALE_JWT_SECRET", shortSecret)))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("jwt.secret is too short")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void adequateSecretLoadsWithDocumentedDefaults() throws Exception {
        IngestConfiguration config = load(Map.of("FLASHSALE_JWT_SECRET", GOOD_SECRET));

        assertThat(config.getJwt().getSecret()).isEqualTo(GOOD_SECRET);
        assertThat(config.getKafka().getBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.getKafka().getTopicPrefix()).isEqualTo("flashsale.");
        assertThat(config.getProjectionPublicUrl()).isEqualTo("http://127.0.0.1:8090");
        assertThat(config.getMaxQuantityPerOrder()).isEqualTo(10);
        assertThat(config.getProducer().getSendTimeout().toSeconds()).isEqualTo(5);
        assertThat(config.getProducer().getDeliveryTimeout().toSeconds()).isEqualTo(120);
        assertThat(config.getProducer().getRequestTimeout().toSeconds()).isEqualTo(10);
        assertThat(config.getProducer().getMaxBlock().toMilliseconds()).isEqualTo(250);
        assertThat(config.getProducer().getBufferMemory().toBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.getLimits().getMaxInFlight()).isEqualTo(2_000);
        assertThat(config.getLimits().getOverloadRetryAfterSeconds()).isEqualTo(1);
        assertThat(config.getLimits().getPerUser().getBurst()).isEqualTo(5);
        assertThat(config.getLimits().getMaxOpenOrdersPerSku()).isEqualTo(3);
        assertThat(config.getLimits().getTrustedProxyCount()).isZero();
        assertThat(config.isBenchmarkBaseline()).isFalse();

        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        assertThat(server.getRegisterDefaultExceptionMappers()).isFalse();
        HttpConnectorFactory application = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        assertThat(application.getPort()).isEqualTo(8080);
        assertThat(application.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(admin.getPort()).isEqualTo(8081);
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void batchLargerThanBufferFailsValidation() {
        assertThatThrownBy(() -> load(Map.of("FLASHSALE_JWT_SECRET", GOOD_SECRET), "producer.batchSize", "64MiB"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("batchSize must not exceed bufferMemory");
    }

    @Test
    void deliveryTimeoutShorterThanRequestTimeoutFailsValidation() {
        assertThatThrownBy(() -> load(Map.of("FLASHSALE_JWT_SECRET", GOOD_SECRET), "producer.deliveryTimeout", "3s"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("deliveryTimeout must be at least requestTimeout + 1s");
    }

    @Test
    void environmentOverridesPortsAndUrls() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("FLASHSALE_JWT_SECRET", GOOD_SECRET);
        environment.put("INGEST_PORT", "18080");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        environment.put("PROJECTION_PUBLIC_URL", "https://orders.example.com/");
        environment.put("INGEST_BENCHMARK_BASELINE", "true");

        IngestConfiguration config = load(environment);

        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getPort()).isEqualTo(18080);
        assertThat(config.getKafka().getBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.getProjectionPublicUrl()).isEqualTo("https://orders.example.com");
        assertThat(config.isBenchmarkBaseline()).isTrue();
    }
}
