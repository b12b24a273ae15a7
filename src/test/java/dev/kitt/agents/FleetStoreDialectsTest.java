package dev.kitt.agents;

import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.kitt.agents.FleetHarness.await;
import static dev.kitt.agents.FleetHarness.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@DisplayName("The fleet's tables work the same on SQLite and PostgreSQL")
class FleetStoreDialectsTest {
    @TempDir
    Path tmp;

    @EveryDialect
    @DisplayName("enrol, edit, connect, run a command, rotate and delete an agent")
    void agentLifecycle(String dialect) throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), TestDatabases.urlFor(dialect)),
                FleetOptions.fast())) {
            Path home = tmp.resolve("agent");
            String id = FleetHarness.enroll(server, home, "gpu");
            var patched = server.patch("/api/v1/agents/" + id, "{\"tags\":[\"a100\",\"lab\"],\"notes\":\"rack 4\"}");
            assertEquals(200, patched.statusCode(), patched.bodyAsString());
            assertEquals("rack 4", patched.bodyAsJsonObject().getString("notes"));
            assertEquals(400, server.patch("/api/v1/agents/" + id, "{\"status\":\"online\"}").statusCode());
            Path gate = tmp.resolve("gate");
            Files.createFile(gate);
            try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, tmp.resolve("count")))) {
                await("connected", Duration.ofSeconds(20), agent.daemon::isConnected);
                String cmd = FleetHarness.submit(server, id, "{\"type\":\"run_test\",\"deadline_s\":600,"
                        + "\"payload\":{\"model\":\"m\",\"engine\":\"sim\"}}");
                await("succeeded", Duration.ofSeconds(20), () -> "succeeded".equals(command(server, cmd).getString("state")));
                JsonObject done = command(server, cmd);
                assertNotNull(done.getJsonObject("result").getString("result_id"));
                assertEquals(1, server.get("/api/v1/agents/" + id + "/commands").bodyAsJsonObject().getInteger("total"));
            }
            assertEquals(200, server.post("/api/v1/agents/" + id + "/rotate-token", "{}").statusCode());
            assertEquals(204, server.delete("/api/v1/agents/" + id).statusCode());
            assertEquals(404, server.get("/api/v1/agents/" + id).statusCode());
        }
    }
}
