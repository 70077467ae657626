package com.flashsale.processor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.flashsale.processor.topology.TopologySettings;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped config.yml parses and, with no variables set, gives the documented defaults. */
class ConfigFileTest {

    @Test
    void shippedConfigUsesDocumentedDefaults() throws Exception {
        // An empty environment, so variables set on the build machine do not matter.
        StreamProcessorConfiguration config = load(Map.of());

        assertThat(config.getKafka().getBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.getKafka().getTopicPrefix()).isEqualTo("flashsale.");
        assertThat(config.getApplicationId()).isEqualTo("flashsale-stream-processor");
        assertThat(config.getStateDir()).isEqualTo("./.flashsale/streams");
        assertThat(config.getCommitIntervalMs()).hasValue(100L);
        assertThat(config.isTransactionalStateStores()).isFalse();
        assertThat(config.getProcessingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.getInstanceId()).isEmpty();
        assertThat(config.getNumStreamThreads()).isEqualTo(1);
        assertThat(config.getNumStandbyReplicas()).isZero();
        assertThat(config.getReplicationFactor()).isEqualTo(1);
        assertThat(config.topologySettings()).isEqualTo(new TopologySettings(3, Duration.ofMinutes(15), 10,
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)), Duration.ofSeconds(1)));

        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        HttpConnectorFactory application = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        assertThat(application.getPort()).isEqualTo(8070);
        assertThat(application.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(admin.getPort()).isEqualTo(8071);
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void lifecycleTimingComesFromEnvironment() throws Exception {
        StreamProcessorConfiguration config = load(Map.of(
                "PROCESSOR_HOLD_DURATION", "20s",
                "PROCESSOR_RETRY_DELAYS", "500ms, 1 second",
                "PROCESSOR_PUNCTUATION_INTERVAL", "250ms"));

        TopologySettings settings = config.topologySettings();

        assertThat(settings.holdDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.retryDelays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(settings.punctuationInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void streamsTuningComesFromEnvironment() throws Exception {
        StreamProcessorConfiguration config = load(Map.of(
                "PROCESSOR_COMMIT_INTERVAL_MS", "1500",
                "PROCESSOR_TRANSACTIONAL_STATE_STORES", "true",
                "PROCESSOR_INSTANCE_ID", "processor-0",
                "PROCESSOR_PROCESSING_GUARANTEE", "at_least_once"));

        assertThat(config.getProcessingGuarantee()).isEqualTo("at_least_once");
        assertThat(config.getCommitIntervalMs()).hasValue(1500L);
        assertThat(config.isTransactionalStateStores()).isTrue();
        assertThat(config.getInstanceId()).hasValue("processor-0");
    }

    @Test
    void processingGuaranteeOutsideTheTwoAllowedValuesIsRejected() {
        Map<String, String> environment = Map.of("PROCESSOR_PROCESSING_GUARANTEE", "exactly_once");

        Throwable thrown = catchThrowable(() -> load(environment));

        assertThat(thrown).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("processingGuarantee must be exactly_once_v2 or at_least_once");
    }

    @Test
    void clusterShapeComesFromEnvironment() throws Exception {
        StreamProcessorConfiguration config = load(Map.of(
                "PROCESSOR_PARTITIONS", "6",
                "PROCESSOR_REPLICATION_FACTOR", "3",
                "PROCESSOR_STANDBY_REPLICAS", "1",
                "BIND_HOST", "0.0.0.0"));

        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        HttpConnectorFactory application = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
        assertThat(config.topologySettings().partitions()).isEqualTo(6);
        assertThat(config.getReplicationFactor()).isEqualTo(3);
        assertThat(config.getNumStandbyReplicas()).isEqualTo(1);
        assertThat(application.getBindHost()).isEqualTo("0.0.0.0");
        assertThat(admin.getBindHost()).isEqualTo("0.0.0.0");
    }

    private static StreamProcessorConfiguration load(Map<String, String> environment) throws Exception {
        YamlConfigurationFactory<StreamProcessorConfiguration> factory = new YamlConfigurationFactory<>(
                StreamProcessorConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(),
                Jackson.newObjectMapper(),
                "dw");
        EnvironmentVariableSubstitutor substitutor = new EnvironmentVariableSubstitutor(false) {
            {
                setVariableResolver(environment::get);
            }
        };
        return factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), "config.yml");
    }
}
