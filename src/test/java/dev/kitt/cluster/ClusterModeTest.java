package dev.kitt.cluster;

import dev.kitt.agent.AgentConfig;
import dev.kitt.agents.FleetOptions;
import dev.kitt.campaigns.store.ScheduleRepository;
import dev.kitt.cli.Await;
import dev.kitt.config.ClusterConfig;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.Poll;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three clustered servers in this JVM (TCP discovery on 127.0.0.1, one fresh PostgreSQL database):
 * any node accepts agents, logins and API calls, commands reach the node holding the agent, live
 * logs and events reach every node's SSE subscribers, and singletons (the cron firer among them)
 * run once. Started once for the class: Hazelcast takes seconds per node, so each cross-node
 * check is a test of this class rather than a cluster of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Cluster mode on three in-process nodes")
class ClusterModeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private final List<TestServer> nodes = new ArrayList<>();
    private final Vertx client = Vertx.vertx();

    @BeforeAll
    void startNodes() {
        String db = TestDatabases.freshPostgres();
        List<Integer> ports = List.of(ClusterHarness.freePort(), ClusterHarness.freePort(), ClusterHarness.freePort());
        for (int i = 0; i < 3; i++) {
            ClusterConfig cluster = new ClusterConfig(true, "127.0.0.1", ports.get(i),
                    ports.stream().map(p -> "127.0.0.1:" + p).toList());
            nodes.add(TestServer.start(TestServer.config(tmp.resolve("node" + i), db).withCluster(cluster), FleetOptions.fast()));
        }
    }

    @AfterAll
    void stopNodes() {
        nodes.forEach(TestServer::close);
        client.close();
    }

    @Test
    @DisplayName("the three nodes form one cluster, each with its own node id and working metrics")
    void oneCluster() {
        for (TestServer n : nodes) {
            assertEquals(3, n.server().context().cluster().nodes().size(), "members seen by each node");
        }
        assertNotEquals(nodes.get(0).server().context().cluster().nodeId(), nodes.get(1).server().context().cluster().nodeId());
        assertEquals(200, nodes.get(1).get("/api/v1/version").statusCode());
        var metrics = nodes.get(1).get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.bodyAsString().contains("vertx_http_server_requests_total"), () -> "Vert.x HTTP metrics on a clustered node: " + metrics.bodyAsString().lines()
                        .filter(l -> l.startsWith("# TYPE")).map(l -> l.split(" ")[2]).toList());
        assertTrue(metrics.bodyAsString().contains("vertx_eventbus_handlers"), "Vert.x event-bus metrics on a clustered node");
        assertTrue(metrics.bodyAsString().contains("kitt_agents"), "KITT's own meters on a clustered node");
    }

    @Test
    @DisplayName("an agent held by node A runs a command submitted on node B; node C's SSE subscribers see its log "
            + "live and the run.completed event node A recorded")
    void commandAcrossNodes() throws Exception {
        TestServer a = nodes.get(0);
        TestServer b = nodes.get(1);
        TestServer c = nodes.get(2);
        Path home = tmp.resolve("agent");
        Path gate = tmp.resolve("gate");
        Path counter = tmp.resolve("count");
        try (var api = new ClusterHarness.Api(a.port());
             SseClient events = SseClient.open(client, c.port(), "/api/v1/events/stream", c.token(), null)) {
            assertEquals(200, events.status());
            String agentId = ClusterHarness.enroll(api, home, "gpu-a", "http://127.0.0.1:" + a.port());
            try (var agent = new ClusterHarness.Agent(home, gate, counter)) {
                Poll.until(WAIT, () -> c.get("/api/v1/agents/" + agentId).bodyAsJsonObject().getString("status"),
                        "online"::equals, "node C to see the agent online");
                var submitted = b.post("/api/v1/agents/" + agentId + "/commands",
                        "{\"type\":\"run_test\",\"payload\":{\"model\":\"m\",\"engine\":\"sim\"}}");
                assertEquals(202, submitted.statusCode(), submitted.bodyAsString());
                String id = submitted.bodyAsJsonObject().getString("id");
                Poll.until(WAIT, () -> c.get("/api/v1/commands/" + id).bodyAsJsonObject().getString("state"),
                        "running"::equals, "the command to run on the agent held by node A");
                try (SseClient sse = SseClient.open(client, c.port(), "/api/v1/logs/" + id + "/stream", c.token(), null)) {
                    assertEquals(200, sse.status());
                    Files.createFile(gate);
                    sse.awaitFrames(frames -> frames.stream().anyMatch(f -> f.data() != null && f.data().contains("done")), WAIT);
                }
                JsonObject done = Poll.until(WAIT, () -> c.get("/api/v1/commands/" + id).bodyAsJsonObject(),
                        cmd -> "succeeded".equals(cmd.getString("state")), "the command to succeed");
                assertTrue(done.getJsonObject("result") != null, done.encode());
                assertEquals(1, Files.readAllLines(counter).size(), "run once");
                // The result came in through node A's socket, so node A recorded the event; node C's
                // stream opened before it existed, so only the clustered publish can bring it there.
                events.awaitFrames(frames -> frames.stream().anyMatch(f -> isRunCompletedBy(f, agentId)), WAIT);
                assertEquals(1, events.frames().stream().filter(f -> isRunCompletedBy(f, agentId)).count(),
                        "the event once, not once per node");
            }
        }
    }

    private static boolean isRunCompletedBy(SseClient.Frame f, String agentId) {
        if (f.data() == null || f.event() != null) {
            return false;
        }
        JsonObject e = new JsonObject(f.data());
        return "run.completed".equals(e.getString("type")) && agentId.equals(e.getJsonObject("body").getString("agent_id"));
    }

    @Test
    @DisplayName("each singleton runs on exactly one node")
    void singletonsOnce() {
        for (String name : List.of("campaigns", "test-agents", "agent-sweeper")) {
            long holders = nodes.stream().filter(n -> n.server().singletonsHeld().contains(name)).count();
            assertEquals(1, holders, name + " held by exactly one node");
            long reported = nodes.stream().filter(n -> n.get("/api/v1/health").bodyAsJsonObject()
                    .getJsonArray("singletons").contains(name)).count();
            assertEquals(1, reported, name + " listed by exactly one node's health");
        }
    }

    @Test
    @DisplayName("a quick test on a test agent submitted on node C finishes once, run by the one test-agent node")
    void testAgentWorkAcrossNodes() {
        TestServer c = nodes.get(2);
        var created = c.post("/api/v1/agents/test", "{\"name\":\"sim\",\"hardware\":{\"gpu\":\"H100\"}}").bodyAsJsonObject();
        var submitted = c.post("/api/v1/agents/" + created.getString("id") + "/commands",
                "{\"type\":\"check_docker\",\"payload\":{}}");
        assertEquals(202, submitted.statusCode(), submitted.bodyAsString());
        String id = submitted.bodyAsJsonObject().getString("id");
        JsonObject done = Poll.until(WAIT, () -> nodes.get(1).get("/api/v1/commands/" + id).bodyAsJsonObject(),
                cmd -> "succeeded".equals(cmd.getString("state")), "the test agent's command to succeed");
        assertEquals("simulated", done.getJsonObject("result").getString("docker"), done.encode());
    }

    @Test
    @DisplayName("a token issued by node A's login is accepted by nodes B and C (a browser behind a load balancer)")
    void tokenFromOneNodeWorksOnAll() {
        var login = nodes.get(0).send(HttpMethod.POST, "/api/v1/auth/login", new JsonObject().put("username", "admin")
                .put("password", TestServer.ADMIN_PASSWORD).encode(), null);
        assertEquals(200, login.statusCode(), login.bodyAsString());
        String token = login.bodyAsJsonObject().getString("token");
        for (TestServer other : nodes.subList(1, 3)) {
            var me = other.send(HttpMethod.GET, "/api/v1/users/me", null, token);
            assertEquals(200, me.statusCode(), me.bodyAsString());
            assertEquals("admin", me.bodyAsJsonObject().getString("name"));
        }
        // The check is real on every node: a token whose signature was altered is refused.
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, nodes.get(2).send(HttpMethod.GET, "/api/v1/users/me", null, forged).statusCode());
    }

    @Test
    @DisplayName("a cron schedule that falls due fires once in the cluster: one campaign, run to the end")
    void scheduleFiresOnce() {
        TestServer c = nodes.get(2);
        String agent = c.post("/api/v1/agents/test", "{\"name\":\"sim-cron\",\"hardware\":{\"gpu\":\"H100\"}}")
                .bodyAsJsonObject().getString("id");
        JsonObject definition = new JsonObject().put("campaign_name", "cluster-cron")
                .put("models", new JsonArray().add(new JsonObject().put("name", "m1").put("gguf_repo", "org/m1-GGUF")))
                .put("engines", new JsonArray().add(new JsonObject().put("name", "llama_cpp").put("suite", "quick")))
                .put("agents", new JsonArray().add(agent));
        // Stored as the schedules API would store it, but already due: every node's campaign tick
        // (if it ran one) would see it at once. Its next time is a year away.
        ScheduleRepository schedules = new ScheduleRepository(nodes.get(0).server().context().db());
        long now = System.currentTimeMillis();
        Await.result(schedules.insert("cluster-cron", "cluster-cron", definition, "0 0 1 1 *", now - 1_000, now));

        JsonObject fired = Poll.until(WAIT, () -> Await.result(schedules.get("cluster-cron")),
                s -> s.getString("last_campaign_id") != null, "the schedule to fire");
        assertTrue(fired.getLong("next_fire_at") > now + Duration.ofDays(1).toMillis(), fired.encode());
        String campaign = fired.getString("last_campaign_id");
        JsonObject done = Poll.until(Duration.ofSeconds(90), () -> c.get("/api/v1/campaigns/" + campaign).bodyAsJsonObject(),
                x -> !"running".equals(x.getString("status")), "the scheduled campaign to finish");
        assertEquals("completed", done.getString("status"), done.encodePrettily());
        // The campaign ran over several ticks of the singleton's node; none fired the schedule again.
        var rows = Await.result(nodes.get(1).server().context().db()
                .query("SELECT id FROM campaigns WHERE name = ?", "cluster-cron"));
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getString(0)));
        assertEquals(List.of(campaign), ids, "one campaign for one firing");
        assertEquals(campaign, Await.result(schedules.get("cluster-cron")).getString("last_campaign_id"));
    }

    @Test
    @DisplayName("kitt agent init passes over a server it cannot reach and enrolls through the next one listed")
    void initSkipsDeadServer() {
        TestServer b = nodes.get(1);
        String dead = "http://127.0.0.1:" + ClusterHarness.freePort();
        String live = "http://127.0.0.1:" + b.port();
        Path home = tmp.resolve("init-fallback");
        String enrollToken = b.post("/api/v1/enrollment-tokens", "{\"name\":\"t\",\"ttl_minutes\":5}")
                .bodyAsJsonObject().getString("token");
        CliRun run = CliRun.of("agent", "init", "--home", home.toString(), "--server", dead + "," + live,
                "--enroll-token", enrollToken, "--name", "gpu-fallback");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        AgentConfig config = AgentConfig.load(home);
        assertEquals(List.of(dead, live), config.servers(), "every server is kept for the daemon, in order");
        var agent = nodes.get(2).get("/api/v1/agents/" + config.agentId());
        assertEquals(200, agent.statusCode(), agent.bodyAsString());
        assertEquals("gpu-fallback", agent.bodyAsJsonObject().getString("name"));
    }
}
