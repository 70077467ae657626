package com.flashsale.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.processor.topology.TopologySettings;
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
import org.junit.jupiter.api.Test;

/** The shipped config.yml parses and, with no variables set, gives the documented defaults. */
class ConfigFileTest {

    @Test
    void shippedConfigUsesDocumentedDefaults() throws Exception {
        YamlConfigurationFactory<StreamProcessorConfiguration> factory = new YamlConfigurationFactory<>(
                StreamProcessorConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(),
                Jackson.newObjectMapper(),
                "dw");
        // A substitutor over an empty environment, so variables set on the build machine do not matter.
        EnvironmentVariableSubstitutor substitutor = new EnvironmentVariableSubstitutor(false) {
            {
                setVariableResolver(name -> null);
            }
        };

        StreamProcessorConfiguration config = factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), "config.yml");

        assertThat(config.getKafka().getBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.getKafka().getTopicPrefix()).isEqualTo("flashsale.");
        assertThat(config.getApplicationId()).isEqualTo("flashsale-stream-processor");
        assertThat(config.getStateDir()).isEqualTo("./.flashsale/streams");
        assertThat(config.getCommitIntervalMs()).isEmpty();
        assertThat(config.getNumStreamThreads()).isEqualTo(1);
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
}
