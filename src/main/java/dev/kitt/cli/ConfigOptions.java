package dev.kitt.cli;

import dev.kitt.config.ConfigLoader;
import dev.kitt.config.KittConfig;
import io.vertx.core.Vertx;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The options every command that touches the store or the server shares (a picocli mixin). */
public class ConfigOptions {
    @Option(names = "--config", description = "YAML configuration file (default: conf/kitt.yaml when present)")
    Path configFile;

    @Option(names = "--home", description = "KITT_HOME: where the SQLite store and settings live (default ~/.kitt)")
    Path home;

    @Option(names = "--database-url", description = "postgresql://user:pass@host:port/db (default: embedded SQLite)")
    String databaseUrl;

    /** Flags as dotted config keys; subclasses of the command add their own before loading. */
    public Map<String, Object> flags() {
        Map<String, Object> flags = new HashMap<>();
        flags.put("home", home == null ? null : home.toString());
        flags.put("database.url", databaseUrl);
        return flags;
    }

    public KittConfig load(Map<String, Object> extraFlags) {
        Map<String, Object> flags = flags();
        flags.putAll(extraFlags);
        Vertx vertx = Vertx.vertx();
        try {
            return Await.result(ConfigLoader.load(vertx, configFile, System.getenv(), flags));
        } finally {
            Await.result(vertx.close());
        }
    }
}
