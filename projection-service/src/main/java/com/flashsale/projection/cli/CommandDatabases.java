package com.flashsale.projection.cli;

import com.codahale.metrics.MetricRegistry;
import com.flashsale.projection.config.DatabaseDrivers;
import com.flashsale.projection.db.ProjectionJdbi;
import com.flashsale.projection.db.SchemaMigrations;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import liquibase.exception.LiquibaseException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Connection pools and Jdbi instances for the commands, which run without the server's environment. */
final class CommandDatabases {

    private CommandDatabases() {
    }

    /** Returns a factory for a new in-memory H2 database in PostgreSQL mode, as the service's default. */
    static DataSourceFactory freshInMemory() {
        return forUrl("jdbc:h2:mem:audit-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa");
    }

    /** Returns a factory for a URL that carries its own credentials, if it needs any. */
    static DataSourceFactory forUrl(String url, String user) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(url);
        factory.setUser(user);
        factory.setDriverClass(DatabaseDrivers.forUrl(url).orElseThrow(() ->
                new IllegalArgumentException("Unsupported database URL; use jdbc:h2: or jdbc:postgresql: " + url)));
        return factory;
    }

    static ManagedDataSource open(DataSourceFactory factory, String name) {
        return factory.build(new MetricRegistry(), name);
    }

    static Jdbi jdbi(ManagedDataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        return ProjectionJdbi.configure(jdbi);
    }

    static void migrate(ManagedDataSource dataSource) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            SchemaMigrations.migrate(connection);
        }
    }
}
