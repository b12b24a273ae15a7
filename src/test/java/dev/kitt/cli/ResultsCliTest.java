package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kitt results` and `kitt storage` as a user runs them, on the local store and against a server. */
class ResultsCliTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("import, list and export work on the local store under --home")
    void localStore() throws Exception {
        Path home = dir.resolve("home");
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, Fixtures.pythonMetrics());

        CliRun imported = CliRun.of("results", "import", "--home", home.toString(), file.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().startsWith("imported "), imported.out());
        String id = imported.out().split(" ")[1];
        assertTrue(Files.exists(home.resolve("kitt.db")));

        CliRun again = CliRun.of("results", "import", "--home", home.toString(), dir.toString());
        assertEquals(0, again.exitCode(), again.err());

        CliRun list = CliRun.of("results", "list", "--home", home.toString(), "--json", "--engine", "llama_cpp");
        assertEquals(0, list.exitCode(), list.err());
        JsonObject page = new JsonObject(list.out());
        assertEquals(1L, page.getLong("total"));

        CliRun table = CliRun.of("results", "list", "--home", home.toString());
        assertTrue(table.out().contains("llama_cpp") && table.out().contains("1 of 1 run(s)"), table.out());

        Path exported = dir.resolve("out.json");
        CliRun export = CliRun.of("results", "export", "--home", home.toString(), id, "-o", exported.toString());
        assertEquals(0, export.exitCode(), export.err());
        JsonObject doc = new JsonObject(Files.readString(exported));
        assertEquals(new JsonObject(Fixtures.pythonMetrics()).getJsonArray("results"), doc.getJsonArray("results"));
        assertEquals(id, doc.getString("run_id"));

        CliRun stats = CliRun.of("storage", "stats", "--home", home.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().matches("(?s).*runs\\s+1\\n.*"), stats.out());
        assertTrue(stats.out().matches("(?s).*logs\\s+0\\n.*"), stats.out());
    }

    @Test
    @DisplayName("kitt run on the simulated engine stores the run in the local store under KITT_HOME")
    void runIsStored() throws Exception {
        Path home = dir.resolve("runhome");
        System.setProperty("kitt.home", home.toString());
        try {
            CliRun run = CliRun.of("run", "-m", "tiny", "-e", "sim", "-s", "quick", "-o", dir.resolve("out").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(!run.err().contains("not stored"), run.err());
            JsonObject metrics = new JsonObject(Files.readString(dir.resolve("out").resolve("metrics.json")));
            JsonObject hardware = new JsonObject(Files.readString(dir.resolve("out").resolve("hardware.json")));
            assertTrue(hardware.containsKey("fingerprint"), "hardware.json comes from the hardware probe");

            CliRun list = CliRun.of("results", "list", "--home", home.toString(), "--json");
            JsonObject page = new JsonObject(list.out());
            assertEquals(1L, page.getLong("total"));
            assertEquals(metrics.getString("run_id"), page.getJsonArray("items").getJsonObject(0).getString("id"));
        } finally {
            System.clearProperty("kitt.home");
        }
    }

    @Test
    @DisplayName("bad input exits 1 with one line naming the file or the problem")
    void badInput() throws Exception {
        Path home = dir.resolve("home");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"suite_name\": \"quick\", ");
        CliRun r = CliRun.of("results", "import", "--home", home.toString(), broken.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("kitt: ") && r.err().contains("broken.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        CliRun missing = CliRun.of("results", "import", "--home", home.toString(), dir.resolve("nope").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no metrics.json at"), missing.err());

        CliRun unknown = CliRun.of("results", "export", "--home", home.toString(), "no-such-id");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no stored result with id no-such-id"), unknown.err());

        CliRun usage = CliRun.of("results", "list", "--limit");
        assertEquals(2, usage.exitCode());

        Path badConfig = dir.resolve("bad.yaml");
        Files.writeString(badConfig, "server:\n  port: abc\n");
        CliRun config = CliRun.of("server", "--config", badConfig.toString());
        assertEquals(1, config.exitCode());
        assertEquals("kitt: invalid configuration: server.port: expected an integer, got 'abc'", config.err().strip());
    }

    @Test
    @DisplayName("with --server the same commands go through a running server's API")
    void againstServer() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(dir.resolve("srv"), ""))) {
            String url = "http://127.0.0.1:" + server.port();
            Path file = dir.resolve("metrics.json");
            Files.writeString(file, Fixtures.run("remote-1", "sim", "tiny", "2026-04-01T00:00:00Z", 50).encode());

            CliRun imported = CliRun.of("results", "import", "--server", url, "--token", server.token(), file.toString());
            assertEquals(0, imported.exitCode(), imported.err());
            assertTrue(imported.out().startsWith("imported remote-1"), imported.out());

            CliRun list = CliRun.of("results", "list", "--server", url, "--token", server.token(), "--json");
            assertEquals(1L, new JsonObject(list.out()).getLong("total"));

            CliRun badToken = CliRun.of("results", "list", "--server", url, "--token", "nope");
            assertEquals(1, badToken.exitCode());
            assertTrue(badToken.err().contains("HTTP 401"), badToken.err());
        }
    }
}
