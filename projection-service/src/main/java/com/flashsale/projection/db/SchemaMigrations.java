package com.flashsale.projection.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the read-model schema up to date with Liquibase's API. The service calls it at startup
 * instead of the {@code db migrate} command, which exits the JVM when a migration fails.
 */
public final class SchemaMigrations {

    public static final String CHANGELOG = "migrations.xml";

    private SchemaMigrations() {
    }

    /**
     * Applies every pending change set on the connection's current schema. The caller closes the
     * connection; its auto-commit mode, which Liquibase switches off, is restored first.
     */
    public static void migrate(Connection connection) throws LiquibaseException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            update(connection);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void update(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader());
        try {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        } catch (LiquibaseException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException("Schema migration failed", e);
        }
    }
}
