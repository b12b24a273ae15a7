package dev.kitt.store;

import dev.kitt.config.KittConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations per dialect (Flyway, over JDBC). Blocking: callers run it on a
 * worker thread or from the CLI, never on an event loop.
 */
public final class Migrations {
    private Migrations() {
    }

    public static MigrateResult apply(KittConfig config) {
        return flyway(config).migrate();
    }

    public static Flyway flyway(KittConfig config) {
        if (config.usesPostgres()) {
            DatabaseUrl url = DatabaseUrl.parse(config.databaseUrl());
            return Flyway.configure()
                    .dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations(Dialect.POSTGRES.migrationLocation())
                    .load();
        }
        return Flyway.configure()
                .dataSource(Database.sqliteDataSource(config.sqliteFile()))
                .locations(Dialect.SQLITE.migrationLocation())
                .load();
    }
}
