package dev.kitt.agents;

import dev.kitt.config.KittConfig;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.kitt.agents.FleetHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Demo mode, the agent package and the agent CLI")
class DemoAndPackageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("--demo creates one test agent and a quick run on the first start only")
    void demo() {
        KittConfig base = TestServer.config(tmp.resolve("server"), null);
        KittConfig demo = new KittConfig(base.home(), base.host(), 0, null, true, true, base.bodyLimitBytes(),
                base.jwtTtlMinutes(), base.adminPassword(), base.webroot(), base.shutdownGraceSeconds());
        try (TestServer server = TestServer.start(demo, FleetOptions.fast())) {
            JsonArray agents = server.get("/api/v1/agents").bodyAsJsonObject().getJsonArray("items");
            assertEquals(1, agents.size());
            String id = agents.getJsonObject(0).getString("id");
            JsonArray cmds = server.get("/api/v1/agents/" + id + "/commands").bodyAsJsonObject().getJsonArray("items");
            assertEquals(1, cmds.size());
            // The first run is real: the quick suite on the in-process simulated engine, stored.
            String cmd = cmds.getJsonObject(0).getString("id");
            await("the demo run finished", java.time.Duration.ofSeconds(120), () -> {
                String state = FleetHarness.command(server, cmd).getString("state");
                return "succeeded".equals(state) || "failed".equals(state);
            });
            JsonObject done = FleetHarness.command(server, cmd);
            assertEquals("succeeded", done.getString("state"), done.encode());
            JsonObject results = server.get("/api/v1/results").bodyAsJsonObject();
            assertEquals(1L, results.getLong("total"));
            assertEquals(id, results.getJsonArray("items").getJsonObject(0).getString("agent_id"));
            JsonArray log = server.get("/api/v1/logs/" + cmd).bodyAsJsonObject().getJsonArray("items");
            assertTrue(log.size() > 2, "the run's log was stored: " + log);
        }
        try (TestServer server = TestServer.start(demo, FleetOptions.fast())) {
            assertEquals(1, server.get("/api/v1/agents").bodyAsJsonObject().getJsonArray("items").size());
        }
    }

    @Test
    @DisplayName("serves install.sh, the jar and its sha256, and `kitt agent update` installs it after checking the sum")
    void packageAndUpdate() throws Exception {
        Path jar = tmp.resolve("kitt.jar");
        Files.write(jar, "pretend jar bytes".getBytes());
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), null),
                FleetOptions.fast().withPackageJar(jar))) {
            var script = server.send(HttpMethod.GET, "/api/v1/agent/install.sh", null, null);
            assertEquals(200, script.statusCode());
            assertTrue(script.bodyAsString().contains("http://127.0.0.1:" + server.port()), "server URL filled in");
            assertTrue(script.bodyAsString().contains("agent init"));
            String sum = server.send(HttpMethod.GET, "/api/v1/agent/package/sha256", null, null).bodyAsJsonObject()
                    .getString("sha256");
            assertEquals(dev.kitt.auth.Secrets.sha256("pretend jar bytes"), sum);
            assertEquals("pretend jar bytes", server.send(HttpMethod.GET, "/api/v1/agent/package", null, null).bodyAsString());

            Path home = tmp.resolve("agent");
            FleetHarness.enroll(server, home, "gpu");
            Path target = tmp.resolve("installed.jar");
            CliRun update = CliRun.of("agent", "update", "--home", home.toString(), "--jar", target.toString());
            assertEquals(0, update.exitCode(), update.err());
            assertEquals("pretend jar bytes", Files.readString(target));

            CliRun status = CliRun.of("agent", "status", "--home", home.toString());
            assertEquals(1, status.exitCode(), "no daemon runs");
            assertTrue(status.out().contains("not running"));
            assertEquals(1, CliRun.of("agent", "stop", "--home", home.toString()).exitCode());

            Path units = tmp.resolve("units");
            assertEquals(0, CliRun.of("agent", "service", "install", "--home", home.toString(), "--unit-dir", units.toString(),
                    "--no-systemctl").exitCode());
            String unit = Files.readString(units.resolve("kitt-agent.service"));
            assertTrue(unit.contains("agent start --home " + home.toAbsolutePath()), unit);
            assertEquals(0, CliRun.of("agent", "service", "uninstall", "--unit-dir", units.toString(), "--no-systemctl").exitCode());

            var created = server.post("/api/v1/agents/test", "{\"name\":\"t\",\"hardware\":{\"gpu\":\"H100\"}}").bodyAsJsonObject();
            CliRun list = CliRun.of("agent", "test", "list", "--server", "http://127.0.0.1:" + server.port(), "--token", server.token());
            assertEquals(0, list.exitCode(), list.err());
            assertTrue(list.out().contains(created.getString("id")));
            CliRun stop = CliRun.of("agent", "test", "stop", created.getString("id"), "--server", "http://127.0.0.1:" + server.port(),
                    "--token", server.token());
            assertEquals(0, stop.exitCode(), stop.err());
            assertEquals(404, server.get("/api/v1/agents/" + created.getString("id")).statusCode());
        }
    }

    @Test
    @DisplayName("without a jar to serve, the package routes say so with 404 JSON")
    void noPackage() {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), null),
                FleetOptions.fast().withPackageJar(tmp.resolve("missing.jar")))) {
            var res = server.send(HttpMethod.GET, "/api/v1/agent/package/sha256", null, null);
            assertEquals(404, res.statusCode());
            assertEquals("no_package", res.bodyAsJsonObject().getString("code"));
        }
    }
}
