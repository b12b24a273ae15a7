package dev.kitt.agents;

import dev.kitt.cli.Await;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.kitt.agents.FleetHarness.await;
import static dev.kitt.agents.FleetHarness.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Bad input to the fleet is refused with a reason while other agents keep being served")
class FleetBadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(tmp.resolve("server"), null), FleetOptions.fast());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int upgradeStatus(String token) {
        Vertx vertx = Vertx.vertx();
        try {
            Throwable err = assertThrows(RuntimeException.class, () -> Await.result(vertx.createWebSocketClient()
                    .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                            .setURI("/api/v1/agents/connect").addHeader("Authorization", "Bearer " + token))));
            Throwable cause = err instanceof UpgradeRejectedException ? err : err.getCause();
            return assertInstanceOf(UpgradeRejectedException.class, cause).getStatus();
        } finally {
            Await.result(vertx.close());
        }
    }

    @Test
    @DisplayName("an invalid, rotated or revoked agent token gets 401 JSON before any upgrade")
    void agentTokens() {
        var plain = server.send(HttpMethod.GET, "/api/v1/agents/connect", null, "kitt_agent_nope");
        assertEquals(401, plain.statusCode());
        assertEquals("unauthorized", plain.bodyAsJsonObject().getString("code"));
        assertEquals(401, upgradeStatus("kitt_agent_invalid"));

        Path home = tmp.resolve("a");
        String id = FleetHarness.enroll(server, home, "a");
        String old = FleetHarness.token(home);
        String fresh = server.post("/api/v1/agents/" + id + "/rotate-token", "{}").bodyAsJsonObject().getString("token");
        assertEquals(401, upgradeStatus(old));
        try (var raw = new FleetHarness.RawSocket(server.port(), fresh)) {
            raw.send("{\"type\":\"hello\",\"protocol\":1}");
            raw.next("welcome");
            assertEquals(204, server.post("/api/v1/agents/" + id + "/revoke", "{}").statusCode());
            await("socket closed on revoke", WAIT, () -> raw.closeCode != null);
            assertEquals(4401, (int) raw.closeCode);
        }
        assertEquals(401, upgradeStatus(fresh));
    }

    @Test
    @DisplayName("enrollment tokens that are unknown, used, revoked or expired are refused with the reason")
    void enrollmentTokens() {
        String used = FleetHarness.enrollmentToken(server);
        String base = "http://127.0.0.1:" + server.port();
        assertEquals(0, CliRun.of("agent", "init", "--home", tmp.resolve("x").toString(), "--server", base,
                "--enroll-token", used, "--name", "x").exitCode());
        CliRun again = CliRun.of("agent", "init", "--home", tmp.resolve("y").toString(), "--server", base,
                "--enroll-token", used, "--name", "y");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already used"), again.err());

        JsonObject revoked = server.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject();
        assertEquals(204, server.delete("/api/v1/enrollment-tokens/" + revoked.getString("id")).statusCode());
        assertTrue(enroll(revoked.getString("token")).contains("revoked"));

        JsonObject expired = server.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject();
        Await.result(server.server().context().db().query("UPDATE enrollment_tokens SET expires_at = 1 WHERE id = ?",
                expired.getString("id")));
        assertTrue(enroll(expired.getString("token")).contains("expired"));
        assertTrue(enroll("kitt_enroll_unknown").contains("unknown"));
        assertEquals(400, server.post("/api/v1/enrollment-tokens", "{\"ttl_minutes\":0}").statusCode());
    }

    private String enroll(String token) {
        var res = server.send(HttpMethod.POST, "/api/v1/agents/enroll",
                new JsonObject().put("enroll_token", token).put("name", "n").encode(), null);
        assertEquals(401, res.statusCode());
        return res.bodyAsJsonObject().getString("error");
    }

    @Test
    @DisplayName("an agent token reaches only its own agent: other agents' resources, users' routes and commands are refused")
    void ownResourcesOnly() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String idA = FleetHarness.enroll(server, a, "a");
        String idB = FleetHarness.enroll(server, b, "b");
        String tokenA = FleetHarness.token(a);
        assertEquals(200, server.send(HttpMethod.GET, "/api/v1/agents/" + idA + "/settings", null, tokenA).statusCode());
        assertEquals(403, server.send(HttpMethod.GET, "/api/v1/agents/" + idB + "/settings", null, tokenA).statusCode());
        assertEquals(403, server.send(HttpMethod.GET, "/api/v1/results", null, tokenA).statusCode());
        try (var raw = new FleetHarness.RawSocket(server.port(), tokenA)) {
            raw.send("{\"type\":\"hello\",\"protocol\":1,\"agentId\":\"" + idB + "\"}");
            assertEquals("wrong_agent", raw.next("error").getString("code"));
            await("closed", WAIT, () -> raw.closeCode != null);
            assertEquals(4403, (int) raw.closeCode);
        }
        String cmdB = FleetHarness.submit(server, idB, "{\"type\":\"check_docker\"}");
        try (var raw = new FleetHarness.RawSocket(server.port(), tokenA)) {
            raw.send("{\"type\":\"hello\",\"protocol\":1}");
            raw.next("welcome");
            raw.send("{\"type\":\"status\",\"commandId\":\"" + cmdB + "\",\"state\":\"succeeded\",\"msgId\":\"m1\"}");
            assertEquals("not_your_command", raw.next("error").getString("code"));
            raw.send("{\"type\":\"log\",\"sourceId\":\"" + cmdB + "\",\"firstSeq\":1,\"lines\":[\"x\"],\"msgId\":\"m2\"}");
            assertEquals("not_your_command", raw.next("error").getString("code"));
        }
        assertEquals("queued", command(server, cmdB).getString("state"));
    }

    @Test
    @DisplayName("malformed, oversize, unknown and out-of-order frames get error frames and the link and other agents go on")
    void badFrames() throws Exception {
        Path good = tmp.resolve("good");
        String goodId = FleetHarness.enroll(server, good, "good");
        Path bad = tmp.resolve("bad");
        FleetHarness.enroll(server, bad, "bad");
        try (var agent = new FleetHarness.Agent(good, null);
             var raw = new FleetHarness.RawSocket(server.port(), FleetHarness.token(bad))) {
            raw.send("{\"type\":\"heartbeat\"}");
            assertEquals("hello_first", raw.next("error").getString("code"));
            raw.send("{\"type\":\"hello\",\"protocol\":1}");
            raw.next("welcome");
            raw.send("this is not json");
            assertEquals("bad_json", raw.next("error").getString("code"));
            raw.send("[1,2]");
            assertEquals("bad_frame", raw.next("error").getString("code"));
            raw.send("{\"no\":\"type\"}");
            assertEquals("bad_frame", raw.next("error").getString("code"));
            raw.send("{\"type\":\"teleport\"}");
            assertEquals("unknown_type", raw.next("error").getString("code"));
            raw.send("{\"type\":\"log\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals("frame_too_large", raw.next("error").getString("code"));
            raw.send("{\"type\":\"ack\"}");
            assertEquals("bad_frame", raw.next("error").getString("code"));
            raw.ws.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(new byte[]{1, 2}));
            assertEquals("binary_frame", raw.next("error").getString("code"));
            assertEquals(null, raw.closeCode, "the link survives bad frames");

            var unknown = server.post("/api/v1/agents/" + goodId + "/commands", "{\"type\":\"format_disk\"}");
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.bodyAsJsonObject().getString("error").contains("unknown command type"));
            await("good agent connected", WAIT, agent.daemon::isConnected);
            String id = FleetHarness.submit(server, goodId, "{\"type\":\"cleanup_storage\",\"payload\":{}}");
            await("good agent still served", WAIT, () -> "succeeded".equals(command(server, id).getString("state")));
        }
    }

    @Test
    @DisplayName("a wrong protocol version is refused with an error frame and close code 4400")
    void wrongProtocol() {
        Path home = tmp.resolve("a");
        FleetHarness.enroll(server, home, "a");
        try (var raw = new FleetHarness.RawSocket(server.port(), FleetHarness.token(home))) {
            raw.send("{\"type\":\"hello\",\"protocol\":99}");
            assertTrue(raw.next("error").getString("reason").contains("protocol 99"));
            await("closed", WAIT, () -> raw.closeCode != null);
            assertEquals(4400, (int) raw.closeCode);
        }
    }
}
