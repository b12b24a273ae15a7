package dev.kitt.config;

import dev.kitt.cli.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    private KittConfig load(String yaml, Map<String, String> env, Map<String, Object> flags) throws Exception {
        Path file = dir.resolve("kitt.yaml");
        Files.writeString(file, yaml);
        return Await.result(ConfigLoader.load(vertx, file, env, flags));
    }

    @Test
    @DisplayName("YAML sets values, KITT_* variables override YAML, and flags override both")
    void layering() throws Exception {
        String yaml = "server:\n  port: 9000\n  host: 10.0.0.1\ndatabase:\n  url: postgresql://a@h/db\n";
        KittConfig fromYaml = load(yaml, Map.of(), Map.of());
        assertEquals(9000, fromYaml.port());
        assertEquals("10.0.0.1", fromYaml.host());
        assertTrue(fromYaml.usesPostgres());

        KittConfig fromEnv = load(yaml, Map.of("KITT_PORT", "9100", "KITT_HOME", dir.toString()), Map.of());
        assertEquals(9100, fromEnv.port());
        assertEquals(dir, fromEnv.home());
        assertEquals(dir.resolve("kitt.db"), fromEnv.sqliteFile());

        Map<String, Object> flags = new HashMap<>();
        flags.put("server.port", 9200);
        flags.put("server.host", null);
        KittConfig fromFlags = load(yaml, Map.of("KITT_PORT", "9100"), flags);
        assertEquals(9200, fromFlags.port());
        assertEquals("10.0.0.1", fromFlags.host());
    }

    @Test
    @DisplayName("without any database URL the store is the embedded SQLite file under KITT_HOME")
    void sqliteByDefault() throws Exception {
        KittConfig cfg = load("server:\n  port: 8080\n", Map.of("HOME", dir.toString()), Map.of());
        assertFalse(cfg.usesPostgres());
        assertEquals(dir.resolve(".kitt").resolve("kitt.db"), cfg.sqliteFile());
    }

    @Test
    @DisplayName("an invalid value fails with one line naming the key and the problem")
    void invalidValues() {
        ConfigException port = assertThrows(ConfigException.class,
                () -> load("server:\n  port: eighty\n", Map.of(), Map.of()));
        assertEquals("invalid configuration: server.port: expected an integer, got 'eighty'", port.getMessage());

        ConfigException range = assertThrows(ConfigException.class,
                () -> load("", Map.of("KITT_PORT", "70000"), Map.of()));
        assertTrue(range.getMessage().contains("server.port: must be between 0 and 65535"), range.getMessage());

        ConfigException db = assertThrows(ConfigException.class,
                () -> load("database:\n  url: mysql://x\n", Map.of(), Map.of()));
        assertTrue(db.getMessage().startsWith("invalid configuration: database.url:"), db.getMessage());

        ConfigException unknown = assertThrows(ConfigException.class,
                () -> load("server:\n  prot: 1\n", Map.of(), Map.of()));
        assertTrue(unknown.getMessage().startsWith("invalid configuration: server.prot: unknown key"));

        ConfigException bool = assertThrows(ConfigException.class,
                () -> load("server:\n  insecure: maybe\n", Map.of(), Map.of()));
        assertTrue(bool.getMessage().contains("server.insecure: expected true or false"));
        assertFalse(bool.getMessage().contains("\n"));
    }

    @Test
    @DisplayName("a YAML file that cannot be parsed names the file")
    void brokenYaml() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("server: [1, 2\n", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("kitt.yaml"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    @DisplayName("a --config file that does not exist is an error naming it")
    void missingFile() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Await.result(ConfigLoader.load(vertx, missing, Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("nope.yaml"));
    }
}
