package com.flashsale.projection;

import com.flashsale.common.auth.AuthSetup;
import com.flashsale.common.errors.ErrorMappers;
import com.flashsale.common.errors.ServerErrors;
import com.flashsale.common.health.KafkaHealthCheck;
import com.flashsale.common.metrics.PrometheusEndpoint;
import com.flashsale.common.openapi.OpenApiResource;
import com.flashsale.projection.cli.AuditCommand;
import com.flashsale.projection.cli.RebuildCommand;
import com.flashsale.projection.config.ProjectionConfiguration;
import com.flashsale.projection.consumer.ProjectionConsumer;
import com.flashsale.projection.consumer.ProjectionMetrics;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.db.OrderDao;
import com.flashsale.projection.db.OrderHistoryDao;
import com.flashsale.projection.db.ProjectionJdbi;
import com.flashsale.projection.db.SchemaMigrations;
import com.flashsale.projection.db.SkuDao;
import com.flashsale.projection.health.ConsumerHealthCheck;
import com.flashsale.projection.health.ProjectionLagHealthCheck;
import com.flashsale.projection.longpoll.OrderWaiters;
import com.flashsale.projection.resources.OrderResource;
import com.flashsale.projection.resources.SkuResource;
import com.flashsale.projection.resources.UserOrderResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Consumes the event topics into read models and serves order and stock queries. */
public class ProjectionApplication extends Application<ProjectionConfiguration> {

    /** Name of the database health check that {@link JdbiFactory} registers. */
    public static final String DATABASE_HEALTH_CHECK = "database";

    private volatile OrderWaiters orderWaiters;

    public static void main(String[] args) throws Exception {
        new ProjectionApplication().run(args);
    }

    @Override
    public String getName() {
        return "projection-service";
    }

    @Override
    public void initialize(Bootstrap<ProjectionConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new AuditCommand());
        bootstrap.addCommand(new RebuildCommand());
    }

    @Override
    public void run(ProjectionConfiguration config, Environment environment) throws Exception {
        Jdbi jdbi = ProjectionJdbi.configure(
                new JdbiFactory().build(environment, config.getDatabase(), DATABASE_HEALTH_CHECK));
        jdbi.useHandle(handle -> SchemaMigrations.migrate(handle.getConnection()));

        OrderDao orders = jdbi.onDemand(OrderDao.class);
        OrderWaiters waiters = new OrderWaiters(config.getLongPoll().getMaxWaitingRequests(), orders::findById);
        environment.lifecycle().manage(waiters);
        orderWaiters = waiters;

        Clock clock = Clock.systemUTC();
        PrometheusRegistry prometheus = PrometheusEndpoint.install(environment);
        EventApplier applier = new EventApplier(jdbi, clock, waiters);
        ProjectionConsumer consumer = new ProjectionConsumer(config.getKafka(), config.getConsumer(), applier,
                environment.metrics(), new ProjectionMetrics(prometheus, clock));
        environment.lifecycle().manage(consumer);
        ProjectionMetrics.registerLagGauges(prometheus, consumer.status());
        registerHealthChecks(config, environment, consumer, clock);

        AuthSetup.register(environment.jersey(), config.getJwt());
        ErrorMappers.register(environment.jersey());
        ServerErrors.install(environment);
        environment.jersey().register(new OrderResource(orders, jdbi.onDemand(OrderHistoryDao.class), waiters));
        environment.jersey().register(new UserOrderResource(orders));
        environment.jersey().register(new SkuResource(jdbi.onDemand(SkuDao.class)));
        environment.jersey().register(new OpenApiResource(getClass().getClassLoader()));
    }

    private static void registerHealthChecks(ProjectionConfiguration config, Environment environment,
                                             ProjectionConsumer consumer, Clock clock) {
        environment.healthChecks().register(ConsumerHealthCheck.NAME, new ConsumerHealthCheck(consumer.status()));
        environment.healthChecks().register(ProjectionLagHealthCheck.NAME, new ProjectionLagHealthCheck(
                consumer.status(), clock, config.getConsumer().getMaxLagRecords(),
                config.getConsumer().getMaxPollAge().toJavaDuration()));
        environment.healthChecks().register(KafkaHealthCheck.NAME,
                new KafkaHealthCheck(config.getKafka(), "projection-service-health"));
    }

    /** Returns the registry of waiting order queries once {@link #run} has built it, for tests. */
    public OrderWaiters orderWaiters() {
        return orderWaiters;
    }
}
