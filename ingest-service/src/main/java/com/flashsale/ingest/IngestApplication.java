package com.flashsale.ingest;

import com.flashsale.common.auth.AuthSetup;
import com.flashsale.common.errors.ErrorMappers;
import com.flashsale.common.errors.ServerErrors;
import com.flashsale.common.health.KafkaHealthCheck;
import com.flashsale.common.metrics.PrometheusEndpoint;
import com.flashsale.common.openapi.OpenApiResource;
import com.flashsale.events.topics.Topics;
import com.flashsale.ingest.config.IngestConfiguration;
import com.flashsale.ingest.config.StrictJson;
import com.flashsale.ingest.core.EventFactory;
import com.flashsale.ingest.core.EventPublisher;
import com.flashsale.ingest.core.KafkaEventPublisher;
import com.flashsale.ingest.core.limits.AdmissionControl;
import com.flashsale.ingest.metrics.RequestMetricsFilter;
import com.flashsale.ingest.resources.AcknowledgedResponder;
import com.flashsale.ingest.resources.BodySizeFilter;
import com.flashsale.ingest.resources.BenchmarkOrderResource;
import com.flashsale.ingest.resources.BodySizeInterceptor;
import com.flashsale.ingest.resources.ClientAddresses;
import com.flashsale.ingest.resources.OrderCommandResource;
import com.flashsale.ingest.resources.OrderResource;
import com.flashsale.ingest.resources.RequestIdFilter;
import com.flashsale.ingest.resources.RequestIdMdcFilter;
import com.flashsale.ingest.resources.StockResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The ingest service: validates orders, order commands and stock commands and appends them to Kafka. */
public class IngestApplication extends Application<IngestConfiguration> {

    /** Threads that write responses after an acknowledgement. Two suffice because each write is small. */
    private static final int RESPONDER_THREADS = 2;

    /** How long a start waits for topic metadata; a broker that is down delays the start by this much. */
    private static final Duration METADATA_PREFETCH_BUDGET = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        new IngestApplication().run(args);
    }

    @Override
    public String getName() {
        return "ingest-service";
    }

    @Override
    public void initialize(Bootstrap<IngestConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(IngestConfiguration config, Environment environment) {
        StrictJson.apply(environment.getObjectMapper());
        AuthSetup.register(environment.jersey(), config.getJwt());
        ErrorMappers.register(environment.jersey());
        ServerErrors.install(environment);
        registerRequestFilters(environment);
        PrometheusRegistry metrics = PrometheusEndpoint.install(environment);
        environment.jersey().register(new RequestMetricsFilter(metrics));
        environment.jersey().register(new OpenApiResource(getClass().getClassLoader()));

        EventPublisher publisher = createPublisher(config, environment);
        AcknowledgedResponder responder = createResponder(config, environment);
        AdmissionControl admissions = new AdmissionControl(config.getLimits(), System::nanoTime, environment.metrics());
        ClientAddresses clientAddresses = new ClientAddresses(config.getLimits().getTrustedProxyCount());

        Topics topics = config.getKafka().topics();
        EventFactory events = new EventFactory(Clock.systemUTC());
        environment.jersey().register(new OrderResource(publisher, events, responder, admissions, clientAddresses,
                topics.orderSubmissions(), config.getProjectionPublicUrl(), config.getMaxQuantityPerOrder()));
        environment.jersey().register(new OrderCommandResource(publisher, events, responder, admissions,
                clientAddresses, topics.orderCommands(), config.getProjectionPublicUrl()));
        environment.jersey().register(new StockResource(publisher, events, responder, admissions, clientAddresses,
                topics.stockCommands()));
        if (config.isBenchmarkBaseline()) {
            environment.jersey().register(new BenchmarkOrderResource(config.getProjectionPublicUrl(),
                    config.getMaxQuantityPerOrder()));
        }
    }

    private static void registerRequestFilters(Environment environment) {
        environment.servlets().addFilter("request-id", new RequestIdMdcFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new RequestIdFilter());
        environment.jersey().register(new BodySizeFilter());
        environment.jersey().register(new BodySizeInterceptor());
    }

    private static AcknowledgedResponder createResponder(IngestConfiguration config, Environment environment) {
        ExecutorService responderExecutor = environment.lifecycle()
                .executorService("ack-responder-%d")
                .minThreads(RESPONDER_THREADS)
                .maxThreads(RESPONDER_THREADS)
                .build();
        return new AcknowledgedResponder(config.getProducer().getSendTimeout().toJavaDuration(),
                config.getRetryAfterSeconds(), config.getLimits().getOverloadRetryAfterSeconds(), responderExecutor);
    }

    /**
     * Creates the Kafka publisher, ties it to the server's lifecycle and registers the {@code kafka}
     * health check. Tests override this to record events in memory instead.
     */
    protected EventPublisher createPublisher(IngestConfiguration config, Environment environment) {
        KafkaEventPublisher publisher = new KafkaEventPublisher(config.getKafka(), config.getProducer());
        Topics topics = config.getKafka().topics();
        publisher.prefetchMetadata(List.of(topics.orderSubmissions(), topics.orderCommands(), topics.stockCommands()),
                METADATA_PREFETCH_BUDGET);
        environment.lifecycle().manage(publisher);
        environment.healthChecks().register(KafkaHealthCheck.NAME,
                new KafkaHealthCheck(config.getKafka(), "ingest-service-health"));
        return publisher;
    }
}
