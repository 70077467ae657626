package com.flashsale.projection.cli;

import com.flashsale.projection.config.ProjectionConfiguration;
import com.flashsale.projection.replay.ProgressBar;
import com.flashsale.projection.replay.ReadModelRebuilder;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code rebuild config.yml --yes}: empties the configured read model and replays every event
 * topic into it. Run again after an interruption, it continues where it stopped.
 */
public class RebuildCommand extends ConfiguredCommand<ProjectionConfiguration> {

    public RebuildCommand() {
        super("rebuild", "Deletes the read model in the configured database and rebuilds it from the event log; "
                + "stop the running projection service first. An interrupted rebuild resumes when run again");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--yes")
                .dest("yes")
                .action(Arguments.storeTrue())
                .help("confirm that the read-model tables may be emptied");
    }

    @Override
    protected void run(Bootstrap<ProjectionConfiguration> bootstrap, Namespace namespace,
                       ProjectionConfiguration config) throws Exception {
        if (!namespace.getBoolean("yes")) {
            System.err.println("The rebuild deletes every row of the read model in " + config.getDatabase().getUrl()
                    + ". Stop the projection service, then run the command again with --yes.");
            System.exit(2);
        }
        ReadModelRebuilder.Result result = rebuild(config, System.err);
        System.out.println((result.resumed() ? "Resumed and finished" : "Finished") + " the rebuild: "
                + result.records() + " records replayed, " + result.skippedRecords() + " skipped");
    }

    /** Rebuilds the configured database with a progress bar on {@code progressOut}. */
    public static ReadModelRebuilder.Result rebuild(ProjectionConfiguration config, PrintStream progressOut)
            throws Exception {
        ManagedDataSource database = CommandDatabases.open(config.getDatabase(), "rebuild");
        try {
            CommandDatabases.migrate(database);
            ReadModelRebuilder rebuilder = new ReadModelRebuilder(
                    AuditCommand.replayer(config.getKafka(), "projection-rebuild"), CommandDatabases.jdbi(database));
            return rebuilder.rebuild(new ProgressBar(progressOut));
        } finally {
            database.stop();
        }
    }
}
