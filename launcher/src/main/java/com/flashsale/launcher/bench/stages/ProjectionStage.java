package com.flashsale.launcher.bench.stages;

import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchResults;
import com.flashsale.launcher.bench.BenchStage;
import com.flashsale.launcher.bench.Comparison;
import com.flashsale.launcher.bench.ThroughputResult;
import com.flashsale.launcher.bench.stages.BenchEvents.TopicEvent;
import com.flashsale.launcher.stack.Service;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Projection throughput: how fast the real projection service applies a backlog of order events
 * to its read model, against plain JDBC batches of the same order-row changes into the same
 * database. It measures a fresh H2 file, and PostgreSQL when the run has a PostgreSQL URL.
 *
 * <p>A row is one order event applied to the orders read model. For each such event the projection
 * writes its applied-event record, a history row and the order row in its batch transaction. The
 * baseline writes only the order row. Both rates run from the first committed batch to the last (see
 * {@link ProgressWindow}); the projection's progress is read from its Prometheus endpoint.
 */
public final class ProjectionStage implements BenchStage {

    private static final int SKUS = 64;
    private static final Duration METRICS_INTERVAL = Duration.ofMillis(100);

    @Override
    public String name() {
        return "projection";
    }

    @Override
    public void run(BenchContext context, BenchResults.Builder results) throws Exception {
        int orders = context.pick(20_000, 3_000);
        List<TopicEvent> events = new BenchEvents(Instant.now()).saleOutcomes(orders, SKUS);
        List<OrderRowChange> rows = events.stream()
                .map(event -> OrderRowChange.of(event.event()).orElseThrow())
                .toList();
        Path stageDirectory = context.stageDirectory(name());

        try (BenchBroker broker = BenchBroker.start(stageDirectory.resolve("kafka"))) {
            BenchDatabase h2 = BenchDatabase.h2(stageDirectory.resolve("h2"));
            measureCase(context, results, broker, h2, events, rows, orders);
            Optional<String> postgresUrl = context.options().postgresUrl();
            if (postgresUrl.isPresent()) {
                measurePostgres(context, results, broker, postgresUrl.get(), events, rows, orders);
            }
        }
    }

    private void measurePostgres(BenchContext context, BenchResults.Builder results, BenchBroker broker,
                                 String serverUrl, List<TopicEvent> events, List<OrderRowChange> rows, int orders)
            throws Exception {
        String name = name() + ", PostgreSQL";
        BenchDatabase postgres;
        try {
            postgres = BenchDatabase.createPostgres(serverUrl, context.options().postgresUser(), Clock.systemUTC());
        } catch (SQLException e) {
            context.log().println("Benchmark case " + name + " skipped: " + e.getMessage());
            results.stageFailed(name, "Could not create a database on " + serverUrl + " as user "
                    + context.options().postgresUser() + ": " + e.getMessage());
            return;
        }
        try (postgres) {
            measureCase(context, results, broker, postgres, events, rows, orders);
        }
    }

    /** Measures one database and adds its result, or records its failure under the case's name. */
    private void measureCase(BenchContext context, BenchResults.Builder results, BenchBroker broker,
                             BenchDatabase database, List<TopicEvent> events, List<OrderRowChange> rows, int orders)
            throws InterruptedException {
        String name = name() + ", " + database.label();
        try {
            results.addProjection(measure(context, broker, database, events, rows, orders));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // The other database is still worth measuring, and the results name this case's failure.
            context.log().println("Benchmark case " + name + " failed: " + e);
            results.stageFailed(name, String.valueOf(e.getMessage()));
        }
    }

    private ThroughputResult measure(BenchContext context, BenchBroker broker, BenchDatabase database,
                                     List<TopicEvent> events, List<OrderRowChange> rows, int orders) throws Exception {
        String id = database.label().toLowerCase(Locale.ROOT);
        Topics topics = broker.createPipelineTopics("bench-projection-" + id + ".");
        EventWriter.write(broker.bootstrapServers(), topics, events);
        context.log().printf("Projection, %s: %d events of %d orders written; measuring the projection%n",
                database.label(), events.size(), orders);

        Path logFile = context.stageDirectory(name()).resolve("projection-" + id + ".log");
        double projection = rate(measureProjection(context, broker, topics, database, events.size(), logFile),
                "projection");
        context.log().printf("Projection, %s: projection %.0f rows/s; measuring raw JDBC batches%n",
                database.label(), projection);
        double baseline = rate(JdbcUpsertBaseline.run(database, rows), "JDBC baseline");
        long baselineOrders = JdbcUpsertBaseline.countRows(database);
        if (baselineOrders != orders) {
            throw new IllegalStateException("The JDBC baseline left " + baselineOrders + " orders in "
                    + JdbcUpsertBaseline.TABLE + " instead of " + orders);
        }
        context.log().printf("Projection, %s: raw JDBC %.0f rows/s%n", database.label(), baseline);

        String description = String.format("row = one order event applied to the orders read model (%d events of"
                        + " %d orders: submitted, reserved or rejected, some confirmed or expired); projection-service.jar"
                        + " (child JVM, one transaction per polled batch, also writes order history and applied"
                        + " event ids) vs raw JDBC MERGE of the order row only, batches of %d, one transaction each,"
                        + " into a scratch table shaped like orders; %d partitions; first to last committed batch",
                events.size(), orders, JdbcUpsertBaseline.BATCH_SIZE, BenchBroker.PARTITIONS);
        return new ThroughputResult(name() + ", " + database.label(), "rows/s", events.size(),
                new Comparison(projection, baseline), description);
    }

    /** Runs the projection on the backlog until it has applied every event. */
    private static ProgressWindow measureProjection(BenchContext context, BenchBroker broker, Topics topics,
                                                    BenchDatabase database, int events, Path logFile)
            throws InterruptedException {
        List<Integer> ports = Ports.findFree(2);
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("FLASHSALE_TOPIC_PREFIX", topics.prefix());
        environment.put("FLASHSALE_JWT_SECRET", randomSecret());
        environment.put("PROJECTION_PORT", Integer.toString(ports.get(0)));
        environment.put("PROJECTION_ADMIN_PORT", Integer.toString(ports.get(1)));
        environment.put("DATABASE_URL", database.url());
        environment.put("DATABASE_USER", database.user());
        environment.put("DATABASE_PASSWORD", database.password());

        Path root = context.repositoryRoot();
        ProjectionProgress progress = new ProjectionProgress(ports.get(1));
        ProgressWindow window = new ProgressWindow(events);
        // A minute for the service to start and migrate, then at least 200 events per second.
        long deadline = System.nanoTime() + Duration.ofSeconds(60 + events / 200).toNanos();
        try (ChildJvm projection = ChildJvm.startService("projection-service", Service.PROJECTION_SERVICE.jar(root),
                Service.PROJECTION_SERVICE.config(root), root, logFile, environment)) {
            while (!window.isComplete()) {
                projection.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The projection applied only " + window.lastCount() + " of "
                            + events + " events in time; see " + logFile);
                }
                OptionalLong applied = progress.appliedEvents();
                if (applied.isPresent()) {
                    window.observe(System.nanoTime(), applied.getAsLong());
                }
                Thread.sleep(METRICS_INTERVAL.toMillis());
            }
        }
        return window;
    }

    /** Generates a key for the service's bearer tokens, which this stage never uses but the service requires. */
    private static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static double rate(ProgressWindow window, String what) {
        return window.perSecond().orElseThrow(() -> new IllegalStateException("The " + what
                + " wrote all " + window.target() + " rows before its progress was first observed; too few rows"
                + " to measure a rate"));
    }
}
