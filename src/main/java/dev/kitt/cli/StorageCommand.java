package dev.kitt.cli;

import dev.kitt.config.KittConfig;
import dev.kitt.store.Migrations;
import dev.kitt.store.StoreStats;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;

/** `kitt storage init | migrate | stats`. */
@Command(name = "storage", mixinStandardHelpOptions = true, description = "Manage the result store.",
        subcommands = {StorageCommand.Init.class, StorageCommand.Migrate.class, StorageCommand.Stats.class})
public final class StorageCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create the store and apply every migration.")
    static final class Init implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            migrate(config.load(Map.of()));
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations.")
    static final class Migrate implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            migrate(config.load(Map.of()));
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Rows per table and the schema version.")
    static final class Stats implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            KittConfig cfg = config.load(Map.of());
            migrate(cfg);
            StoreStats.print(cfg, System.out);
        }
    }

    static void migrate(KittConfig cfg) {
        try {
            MigrateResult result = Migrations.apply(cfg);
            System.out.printf("store %s: schema version %s (%d migration(s) applied)%n",
                    cfg.usesPostgres() ? "PostgreSQL" : cfg.sqliteFile(),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion
                            : Migrations.flyway(cfg).info().current().getVersion(),
                    result.migrationsExecuted);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new CliException("cannot migrate the store: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
