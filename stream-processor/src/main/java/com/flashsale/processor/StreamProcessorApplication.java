package com.flashsale.processor;

import com.flashsale.common.metrics.PrometheusEndpoint;
import com.flashsale.processor.config.StreamProcessorConfiguration;
import com.flashsale.processor.config.StreamsProperties;
import com.flashsale.processor.health.KafkaStreamsHealthCheck;
import com.flashsale.processor.lifecycle.ManagedKafkaStreams;
import com.flashsale.processor.lifecycle.StreamsStateTracker;
import com.flashsale.processor.metrics.KafkaStreamsCollector;
import com.flashsale.processor.topology.OrderTopology;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** Runs the order topology in Kafka Streams; the admin port serves its health check and metrics. */
public class StreamProcessorApplication extends Application<StreamProcessorConfiguration> {

    public static void main(String[] args) throws Exception {
        new StreamProcessorApplication().run(args);
    }

    @Override
    public String getName() {
        return "stream-processor";
    }

    @Override
    public void initialize(Bootstrap<StreamProcessorConfiguration> bootstrap) {
        // Non-strict, so that a variable without a default in the YAML keeps its literal text.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(StreamProcessorConfiguration config, Environment environment) {
        Topology topology = OrderTopology.build(config.getKafka().topics(), config.topologySettings());
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.from(config));

        Clock clock = Clock.systemUTC();
        StreamsStateTracker tracker = new StreamsStateTracker(clock);
        environment.lifecycle().manage(new ManagedKafkaStreams(streams, config.getApplicationId(), tracker));

        environment.healthChecks().register(KafkaStreamsHealthCheck.NAME,
                new KafkaStreamsHealthCheck(tracker, clock, KafkaStreamsHealthCheck.DEFAULT_REBALANCE_GRACE));

        PrometheusEndpoint.install(environment).register(new KafkaStreamsCollector(streams::metrics));
    }
}
