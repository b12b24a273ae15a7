package dev.kitt.cluster;

import dev.kitt.testing.Poll;
import dev.kitt.testing.ServerProcess;
import dev.kitt.testing.TestDatabases;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two cluster nodes as real child processes; the first (which holds the agents and every
 * singleton, as its health route shows) is killed with SIGKILL in the middle of a campaign.
 */
@DisplayName("A cluster node killed mid-campaign")
class ClusterFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    /** As health lists them (sorted): all three run on one node of a cluster. */
    private static final List<String> SINGLETONS = List.of("agent-sweeper", "campaigns", "test-agents");

    @TempDir
    Path tmp;

    @Test
    @org.junit.jupiter.api.Timeout(240)
    @DisplayName("its agents move to the other node, the singletons follow, the campaign completes, its run's log is "
            + "whole and nothing runs twice")
    void nodeKilled() throws Exception {
        String db = TestDatabases.freshPostgres();
        List<Integer> clusterPorts = List.of(ClusterHarness.freePort(), ClusterHarness.freePort());
        String members = ClusterHarness.members(clusterPorts);
        Map<String, String> env = Map.of("KITT_DATABASE_URL", db, "KITT_ADMIN_PASSWORD", ClusterHarness.PASSWORD);
        try (ServerProcess first = node(env, 0, clusterPorts, members)) {
            int port1 = first.awaitPort(Duration.ofSeconds(90));
            try (ServerProcess second = node(env, 1, clusterPorts, members)) {
                int port2 = second.awaitPort(Duration.ofSeconds(90));
                runScenario(first, port1, port2);
            }
        }
    }

    private ServerProcess node(Map<String, String> env, int i, List<Integer> clusterPorts, String members) {
        return ServerProcess.start(tmp.resolve("node" + i), env, "--cluster", "--cluster-host", "127.0.0.1",
                "--cluster-port", String.valueOf(clusterPorts.get(i)), "--cluster-members", members);
    }

    private void runScenario(ServerProcess first, int port1, int port2) throws Exception {
        Path gate = tmp.resolve("gate");
        Path counter = tmp.resolve("count");
        try (var api1 = new ClusterHarness.Api(port1); var api2 = new ClusterHarness.Api(port2)) {
            String both = "http://127.0.0.1:" + port1 + ",http://127.0.0.1:" + port2;
            String movingId = ClusterHarness.enroll(api1, tmp.resolve("moving"), "gpu-moving", both);
            String strandedId = ClusterHarness.enroll(api1, tmp.resolve("stranded"), "gpu-stranded", "http://127.0.0.1:" + port1);
            try (var moving = new ClusterHarness.Agent(tmp.resolve("moving"), gate, counter);
                 var stranded = new ClusterHarness.Agent(tmp.resolve("stranded"), tmp.resolve("gate2"), tmp.resolve("count2"))) {
                for (String id : List.of(movingId, strandedId)) {
                    Poll.until(WAIT, () -> status(api2, id), "online"::equals, "agent " + id + " online, seen from node 2");
                }
                var created = api2.post("/api/v1/campaigns", new JsonObject().put("launch", true).put("yaml", """
                        campaign_name: failover
                        models:
                          - name: m1
                            safetensors_repo: org/m1
                        engines:
                          - name: vllm
                            suite: quick
                        agents: [%s]
                        """.formatted(movingId)));
                assertEquals(201, created.statusCode(), created.bodyAsString());
                String campaign = created.bodyAsJsonObject().getString("id");
                Poll.until(WAIT, () -> lines(counter) + " " + api2.get("/api/v1/campaigns/" + campaign).bodyAsString(),
                        seen -> seen.startsWith("1 "), "the campaign's test running on the agent");
                String command = api2.get("/api/v1/campaigns/" + campaign).bodyAsJsonObject().getJsonArray("runs")
                        .getJsonObject(0).getString("command_id");
                // Filed where the campaign asked (its run's log source), as the web page follows it.
                String source = api2.get("/api/v1/commands/" + command).bodyAsJsonObject().getJsonObject("payload")
                        .getString("sourceId", command);
                // The start of the run's log is stored (through node 1, which holds the agent) before the kill.
                Poll.until(WAIT, () -> logLines(api2, source), l -> l.stream().anyMatch(x -> x.startsWith("stand-in benchmark")),
                        "the run's first lines stored before node 1 dies");
                assertEquals(SINGLETONS, singletons(api1), "node 1, started first, holds every singleton");
                assertEquals(List.of(), singletons(api2), "node 2 waits its turn");

                first.kill(Duration.ofSeconds(10));
                Files.createFile(gate);
                Poll.until(WAIT, () -> singletons(api2), SINGLETONS::equals, "node 2 to take every singleton");

                JsonObject done = Poll.until(Duration.ofSeconds(60), () -> api2.get("/api/v1/campaigns/" + campaign)
                        .bodyAsJsonObject(), c -> !"running".equals(c.getString("status")), "the campaign to finish on node 2");
                assertEquals("completed", done.getString("status"), done.encodePrettily());
                assertEquals(1, lines(counter), "the test ran once");
                assertEquals(1L, api2.get("/api/v1/results").bodyAsJsonObject().getLong("total"), "its result stored once");
                Poll.until(WAIT, () -> status(api2, movingId), "online"::equals, "the moved agent online through node 2");
                // The log of the command that ran across the kill is whole: lines from before the death
                // (stored by node 1) and after it (sent to node 2), numbered 1..n with no gap or repeat.
                JsonArray log = api2.get("/api/v1/logs/" + source + "?limit=5000").bodyAsJsonObject().getJsonArray("items");
                List<Long> seqs = log.stream().map(o -> ((JsonObject) o).getLong("seq")).toList();
                assertEquals(LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs, log.encodePrettily());
                List<String> text = log.stream().map(o -> ((JsonObject) o).getString("line")).toList();
                int before = indexOf(text, "stand-in benchmark");
                assertTrue(before >= 0 && text.indexOf("measuring") > before && text.indexOf("done") > text.indexOf("measuring"),
                        "the lines before and after the kill, in order: " + text);
                assertEquals(1, text.stream().filter("done"::equals).count(), "no line twice: " + text);
                Poll.until(WAIT, () -> status(api2, strandedId), "offline"::equals,
                        "the agent that knew only node 1 marked offline by the sweeper");

                var testAgent = api2.post("/api/v1/agents/test", new JsonObject().put("name", "sim")
                        .put("hardware", new JsonObject().put("gpu", "H100")));
                assertEquals(201, testAgent.statusCode(), testAgent.bodyAsString());
                var submitted = api2.post("/api/v1/agents/" + testAgent.bodyAsJsonObject().getString("id") + "/commands",
                        new JsonObject().put("type", "check_docker").put("payload", new JsonObject()));
                assertEquals(202, submitted.statusCode(), submitted.bodyAsString());
                String cmd = submitted.bodyAsJsonObject().getString("id");
                Poll.until(WAIT, () -> api2.get("/api/v1/commands/" + cmd).bodyAsJsonObject().getString("state"),
                        "succeeded"::equals, "test-agent work, now run by node 2");
            }
        }
    }

    private static List<String> singletons(ClusterHarness.Api api) {
        return api.get("/api/v1/health").bodyAsJsonObject().getJsonArray("singletons").stream().map(String::valueOf).toList();
    }

    private static List<String> logLines(ClusterHarness.Api api, String source) {
        return api.get("/api/v1/logs/" + source + "?limit=5000").bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("line")).toList();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String status(ClusterHarness.Api api, String agentId) {
        return api.get("/api/v1/agents/" + agentId).bodyAsJsonObject().getString("status");
    }

    private static int lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
