package dev.kitt.agents.bench;

import dev.kitt.agents.FleetOptions;
import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.server.KittServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fleet benchmark (scripts/bench/fleet): a real server (SQLite, loopback; PostgreSQL from
 * KITT_BENCH_DATABASE_URL) and N simulated agents on real WebSockets in this one process. With
 * {@code --nodes 2} the server is a cluster of two nodes on one PostgreSQL database, agents spread
 * over them, and each command is submitted on the node that does not hold its agent. Agents say hello, heartbeat at the given
 * interval and ack every command; the simulator submits commands over the event bus and measures
 * submit → frame received by the agent → acked stored. CPU and RSS are this process's (server and
 * simulator together: an upper bound for the server).
 */
public final class FleetSimulator {
    public static void main(String[] args) throws Exception {
        int agents = intArg(args, "--agents", 1000);
        long heartbeatMs = intArg(args, "--heartbeat-ms", 10_000);
        int commands = intArg(args, "--commands", 500);
        int settleS = intArg(args, "--settle-s", 20);
        int nodeCount = intArg(args, "--nodes", 1);
        FleetOptions fleet = new FleetOptions(heartbeatMs, 3, 6, 1000, 1000, 30_000, 1 << 20, 10_000, null);
        List<KittServer> nodes = ClusterNodes.start(nodeCount, System.getenv("KITT_BENCH_DATABASE_URL"), fleet);
        KittServer server = nodes.get(0);
        AgentRepository repo = new AgentRepository(server.context().db());
        List<AgentRepository.Created> created = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            created.add(Await.result(repo.create("sim-" + i, "sim", null, false)));
        }
        Vertx sim = Vertx.vertx();
        WebSocketClient client = sim.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(agents + 10));
        Map<String, Long> submittedAll = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        Histogram received = new Histogram(60_000_000_000L, 3);
        Histogram acked = new Histogram(60_000_000_000L, 3);
        List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Future<WebSocket>> pending = new ArrayList<>();
        for (int n = 0; n < created.size(); n++) {
            AgentRepository.Created a = created.get(n);
            int holderPort = nodes.get(n % nodeCount).port();
            if (pending.size() == 200) { // connect in waves so the server's accept queue is not flooded
                Await.result(Future.join(pending));
                pending.clear();
            }
            pending.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(holderPort)
                    .setURI("/api/v1/agents/connect").addHeader("Authorization", "Bearer " + a.token())).onSuccess(ws -> {
            sockets.add(ws);
            ws.textMessageHandler(text -> {
                JsonObject f = new JsonObject(text);
                if ("welcome".equals(f.getString("type"))) {
                    long jitter = ThreadLocalRandom.current().nextLong(heartbeatMs);
                    sim.setTimer(1 + jitter, t -> sim.setPeriodic(heartbeatMs, p -> ws.writeTextMessage(
                            "{\"type\":\"heartbeat\",\"status\":\"idle\",\"gpus\":[],\"storageFreeGb\":100,\"uptimeS\":1}")));
                } else if ("command".equals(f.getString("type"))) {
                    receivedAt.put(f.getString("commandId"), System.nanoTime());
                    ws.writeTextMessage(new JsonObject().put("type", "ack").put("commandId", f.getString("commandId")).encode());
                }
            });
            ws.writeTextMessage("{\"type\":\"hello\",\"protocol\":1,\"version\":\"sim\"}");
            }));
        }
        Await.result(Future.join(pending));
        System.out.printf("connected %d agents in %.1f s (%d node(s), %d agents per node)%n", sockets.size(),
                (System.nanoTime() - t0) / 1e9, nodeCount, agents / nodeCount);
        server.vertx().eventBus().<JsonObject>consumer(Addresses.COMMANDS_UPDATE, m -> {
            if ("acked".equals(m.body().getString("state"))) {
                ackedAt.put(m.body().getString("commandId"), System.nanoTime());
            }
        });
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        Thread.sleep(settleS * 1000L); // load phase: heartbeats only, for the CPU figure
        double cpuPct = (cpuNanos() - cpu0) * 100.0 / (System.nanoTime() - wall0);
        for (int i = 0; i < commands; i++) {
            AgentRepository.Created a = created.get(i % agents);
            // With several nodes the command is submitted on a node that does not hold the agent.
            KittServer submitter = nodes.get((i % agents + 1) % nodeCount);
            long at = System.nanoTime();
            String id = Await.result(submitter.vertx().eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT,
                    new JsonObject().put("agentId", a.id()).put("type", "check_docker")).map(r -> r.body().getString("id")));
            submittedAll.put(id, at);
            Thread.sleep(5); // an open-loop pace of ~200 commands/s on top of the heartbeats
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (ackedAt.size() < submittedAll.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        submittedAll.forEach((id, at) -> {
            Long r = receivedAt.get(id);
            if (r != null) {
                received.recordValue(Math.max(0, r - at));
            }
            Long k = ackedAt.get(id);
            if (k != null) {
                acked.recordValue(Math.max(0, k - at));
            }
        });
        System.out.printf("heartbeats: %d agents every %d ms; process CPU %.0f%% of one core; RSS %d MiB%n",
                agents, heartbeatMs, cpuPct, rssMiB());
        System.out.printf("dispatch submit->agent received: p50 %.2f ms, p99 %.2f ms (n=%d)%n",
                received.getValueAtPercentile(50) / 1e6, received.getValueAtPercentile(99) / 1e6, received.getTotalCount());
        System.out.printf("dispatch submit->acked stored:   p50 %.2f ms, p99 %.2f ms (n=%d, lost %d)%n",
                acked.getValueAtPercentile(50) / 1e6, acked.getValueAtPercentile(99) / 1e6, acked.getTotalCount(), submittedAll.size() - acked.getTotalCount());
        sockets.forEach(WebSocket::close);
        Await.result(sim.close());
        for (KittServer n : nodes) {
            Await.result(n.stop());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
