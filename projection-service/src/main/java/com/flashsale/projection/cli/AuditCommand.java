package com.flashsale.projection.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.flashsale.common.config.KafkaSettings;
import com.flashsale.projection.audit.AuditReport;
import com.flashsale.projection.audit.Auditor;
import com.flashsale.projection.config.ProjectionConfiguration;
import com.flashsale.projection.replay.LogReplayer;
import com.flashsale.projection.replay.ProgressBar;
import com.flashsale.projection.replay.ReplayConsumerProperties;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@code audit config.yml}: replays every event topic from offset 0 into a fresh database, checks
 * the invariants and compares the result with the live read model. Exits with 1 when anything is
 * wrong, so that scripts can rely on the exit code.
 */
public class AuditCommand extends ConfiguredCommand<ProjectionConfiguration> {

    static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    public AuditCommand() {
        super("audit", "Replays the event log into a fresh database, checks the invariants and compares "
                + "the result with the live read model; exits with 1 on any violation or difference");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--report")
                .dest("report")
                .metavar("FILE")
                .help("also write the report as JSON to FILE");
        subparser.addArgument("--database-url")
                .dest("databaseUrl")
                .metavar("URL")
                .help("JDBC URL of an empty database to replay into, with any credentials in the URL "
                        + "(default: a new in-memory H2 database)");
    }

    @Override
    protected void run(Bootstrap<ProjectionConfiguration> bootstrap, Namespace namespace,
                       ProjectionConfiguration config) throws Exception {
        String report = namespace.getString("report");
        AuditReport result = audit(config, namespace.getString("databaseUrl"), System.err);

        System.out.print(result.toText());
        if (report != null) {
            writeJson(bootstrap.getObjectMapper(), result, Path.of(report));
            System.out.println("Wrote the JSON report to " + report);
        }
        if (!result.isClean()) {
            System.err.println("Audit failed: " + result.violations().size() + " violations and "
                    + result.differences().size() + " differences from the live read model");
            System.exit(1);
        }
    }

    /** Runs the audit with a progress bar on {@code progressOut}; the databases it opens are closed again. */
    public static AuditReport audit(ProjectionConfiguration config, String replayDatabaseUrl, PrintStream progressOut)
            throws Exception {
        DataSourceFactory replayFactory = replayDatabaseUrl == null
                ? CommandDatabases.freshInMemory() : CommandDatabases.forUrl(replayDatabaseUrl, null);
        ManagedDataSource replay = CommandDatabases.open(replayFactory, "audit-replay");
        ManagedDataSource live = CommandDatabases.open(config.getDatabase(), "audit-live");
        try {
            CommandDatabases.migrate(replay);
            Auditor auditor = new Auditor(replayer(config.getKafka(), "projection-audit"),
                    CommandDatabases.jdbi(replay), CommandDatabases.jdbi(live));
            return auditor.run(new ProgressBar(progressOut));
        } finally {
            replay.stop();
            live.stop();
        }
    }

    static LogReplayer replayer(KafkaSettings kafka, String clientId) {
        return new LogReplayer(() -> new KafkaConsumer<>(ReplayConsumerProperties.of(kafka, clientId)),
                kafka.topics().eventLog(), POLL_TIMEOUT, STALL_TIMEOUT);
    }

    private static void writeJson(ObjectMapper mapper, AuditReport report, Path file) throws IOException {
        mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }
}
