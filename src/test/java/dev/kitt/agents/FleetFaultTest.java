package dev.kitt.agents;

import dev.kitt.bus.Addresses;
import dev.kitt.agents.gateway.Frames;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.kitt.agents.FleetHarness.await;
import static dev.kitt.agents.FleetHarness.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Faults lose nothing and do nothing twice")
class FleetFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = "{\"type\":\"run_test\",\"payload\":{\"model\":\"m\",\"engine\":\"sim\"}}";

    @TempDir
    Path tmp;

    private static String state(TestServer s, String id) {
        return command(s, id).getString("state");
    }

    @Test
    @DisplayName("the server stopped and restarted mid-command: the agent reconnects and the result arrives once")
    void serverRestartMidCommand() throws Exception {
        KittConfig config = TestServer.config(tmp.resolve("server"), null);
        TestServer server = TestServer.start(config, FleetOptions.fast());
        int port = server.port();
        Path home = tmp.resolve("agent");
        String agentId = FleetHarness.enroll(server, home, "gpu");
        Path gate = tmp.resolve("gate");
        Path counter = tmp.resolve("count");
        try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
            await("connected", WAIT, agent.daemon::isConnected);
            String id = FleetHarness.submit(server, agentId, RUN);
            TestServer first = server;
            await("running", WAIT, () -> "running".equals(state(first, id)));
            server.close();
            Files.createFile(gate); // the run finishes while the server is down: its outcome waits in the outbox
            await("finished on the agent", WAIT, () -> FleetHarness.lines(counter) == 1 && agent.daemon.outboxSize() >= 2);
            server = TestServer.start(config.withPort(port), FleetOptions.fast());
            TestServer second = server;
            await("succeeded after restart", WAIT, () -> "succeeded".equals(state(second, id)));
            assertNotNull(command(server, id).getJsonObject("result"));
            await("outbox drained", WAIT, () -> agent.daemon.outboxSize() == 0);
            assertEquals(1, FleetHarness.lines(counter), "ran once");
        } finally {
            server.close();
        }
    }

    @Test
    @DisplayName("the socket cut mid-run: the agent reconnects, finishes, and logs and result are stored once")
    void socketCutMidRun() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), null), FleetOptions.fast())) {
            Path home = tmp.resolve("agent");
            String agentId = FleetHarness.enroll(server, home, "gpu");
            Path gate = tmp.resolve("gate");
            Path counter = tmp.resolve("count");
            try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
                await("connected", WAIT, agent.daemon::isConnected);
                String id = FleetHarness.submit(server, agentId, RUN);
                await("running", WAIT, () -> "running".equals(state(server, id)));
                agent.daemon.cutLink();
                Files.createFile(gate);
                await("succeeded", WAIT, () -> "succeeded".equals(state(server, id)));
                await("outbox drained", WAIT, () -> agent.daemon.outboxSize() == 0);
                var seqs = dev.kitt.cli.Await.result(server.server().context().db()
                        .query("SELECT seq FROM logs WHERE source_id = ? ORDER BY seq", id));
                long expected = 1;
                for (var r : seqs) {
                    assertEquals(expected++, r.getLong(0), "log lines stored once each, without gaps");
                }
                assertTrue(seqs.size() >= 3);
                assertEquals(1, FleetHarness.lines(counter));
            }
        }
    }

    @Test
    @DisplayName("the agent killed and restarted: interrupted work is reported failed, not re-run; queued work is delivered")
    void agentRestart() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), null), FleetOptions.fast())) {
            Path home = tmp.resolve("agent");
            String agentId = FleetHarness.enroll(server, home, "gpu");
            Path gate = tmp.resolve("gate");
            Path counter = tmp.resolve("count");
            String interrupted;
            try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
                await("connected", WAIT, agent.daemon::isConnected);
                interrupted = FleetHarness.submit(server, agentId, RUN);
                await("running", WAIT, () -> "running".equals(state(server, interrupted)));
            }
            await("offline", WAIT, () -> "offline".equals(server.get("/api/v1/agents/" + agentId).bodyAsJsonObject()
                    .getString("status")));
            String queued = FleetHarness.submit(server, agentId, RUN);
            assertEquals("queued", state(server, queued));
            Files.createFile(gate);
            try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
                await("interrupted run reported", WAIT, () -> "failed".equals(state(server, interrupted)));
                assertTrue(command(server, interrupted).getString("error").contains("restarted"));
                await("queued run done", WAIT, () -> "succeeded".equals(state(server, queued)));
                assertEquals(2, FleetHarness.lines(counter), "one start each, the interrupted one not re-run");
            }
        }
    }

    @Test
    @DisplayName("a command delivered twice runs once, and the second delivery is acked again")
    void deliveredTwice() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), null), FleetOptions.fast())) {
            Path home = tmp.resolve("agent");
            String agentId = FleetHarness.enroll(server, home, "gpu");
            Path gate = tmp.resolve("gate");
            Files.createFile(gate);
            Path counter = tmp.resolve("count");
            try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
                await("connected", WAIT, agent.daemon::isConnected);
                String id = FleetHarness.submit(server, agentId, RUN);
                await("succeeded", WAIT, () -> "succeeded".equals(state(server, id)));
                JsonObject frame = Frames.command(id, "run_test", new JsonObject().put("model", "m").put("engine", "sim"), null);
                dev.kitt.cli.Await.result(server.server().vertx().eventBus().request(Addresses.agentOut(agentId), frame));
                dev.kitt.cli.Await.result(server.server().vertx().eventBus().request(Addresses.agentOut(agentId), frame));
                String probe = FleetHarness.submit(server, agentId, "{\"type\":\"cleanup_storage\",\"payload\":{}}");
                await("a later command done", WAIT, () -> "succeeded".equals(state(server, probe)));
                assertEquals(1, FleetHarness.lines(counter), "the duplicate deliveries did not run it again");
                assertEquals("succeeded", state(server, id));
            }
        }
    }
}
