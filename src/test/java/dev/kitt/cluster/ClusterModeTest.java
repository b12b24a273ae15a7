package dev.kitt.cluster;

import dev.kitt.agents.FleetOptions;
import dev.kitt.config.ClusterConfig;
import dev.kitt.testing.Poll;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
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
 * any node accepts agents and API calls, commands reach the node holding the agent, live logs
 * reach every node's SSE subscribers, and singletons run once. Started once for the class:
 * Hazelcast takes seconds per node.
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
    @DisplayName("an agent held by node A runs a command submitted on node B, and node C's SSE subscriber sees its log live")
    void commandAcrossNodes() throws Exception {
        TestServer a = nodes.get(0);
        TestServer b = nodes.get(1);
        TestServer c = nodes.get(2);
        Path home = tmp.resolve("agent");
        Path gate = tmp.resolve("gate");
        Path counter = tmp.resolve("count");
        try (var api = new ClusterHarness.Api(a.port())) {
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
            }
        }
    }

    @Test
    @DisplayName("each singleton runs on exactly one node")
    void singletonsOnce() {
        for (String name : List.of("campaigns", "test-agents", "agent-sweeper")) {
            long holders = nodes.stream().filter(n -> n.server().singletonsHeld().contains(name)).count();
            assertEquals(1, holders, name + " held by exactly one node");
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
}
