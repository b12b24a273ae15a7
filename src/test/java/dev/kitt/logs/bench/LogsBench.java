package dev.kitt.logs.bench;

import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent → browser log path, measured end to end on loopback. This JVM runs only the KITT
 * server; the agents (real WebSocket connections sending {@code log} frames, the frames a kitt
 * agent's LogShipper sends) and the browsers (real SSE connections) run in a second JVM,
 * {@link LogsBenchClients}, so the figures are the server's and not the clients' share of the CPU.
 * Send times are {@code System.nanoTime()}, one monotonic clock for every process on the machine.
 * Run with scripts/bench/logs [subscribers] [seconds] [lines/s] [database-url].
 */
public final class LogsBench {
    static final int INGEST_AGENTS = 8;

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String db = args.length > 3 ? args[3] : TestDatabases.urlFor("sqlite");
        // Not counted: the first seconds of delivery compile the fan-out path (JIT) and fill the readers' buffers.
        long warmupLines = (long) rate * Integer.getInteger("warmupSeconds", 3);
        int exit;
        try (TestServer server = TestServer.start(TestServer.config(Files.createTempDirectory("kitt-bench"), db))) {
            System.out.printf("store: %s%n", server.server().context().db().dialect().label());
            JsonArray ingest = new JsonArray();
            for (int a = 0; a < INGEST_AGENTS; a++) {
                ingest.add(agent(server, "ingest-" + a));
            }
            JsonObject live = agent(server, "live");
            // Where the latency goes: produced -> stored and published (a bus consumer in the server), vs produced -> SSE.
            Histogram published = new Histogram(3_600_000_000L, 3);
            var probe = server.server().vertx().eventBus().<JsonObject>consumer(Addresses.logsLive(live.getString("source")),
                    msg -> {
                        JsonArray lines = msg.body().getJsonArray("lines");
                        long first = msg.body().getLong("firstSeq");
                        long now = System.nanoTime();
                        synchronized (published) {
                            for (int i = 0; i < lines.size(); i++) {
                                if (first + i <= warmupLines) {
                                    continue;
                                }
                                String stamps = lines.getString(i);
                                published.recordValue(Math.max(0,
                                        (now - Long.parseLong(stamps.substring(0, stamps.indexOf(' ')))) / 1_000));
                            }
                        }
                    });
            Await.result(probe.completion());
            JsonObject plan = new JsonObject().put("port", server.port()).put("token", server.token())
                    .put("ingest", ingest).put("live", live).put("subscribers", subscribers).put("seconds", seconds)
                    .put("rate", rate).put("warmupLines", warmupLines)
                    .put("batched", Boolean.getBoolean("batched"));
            exit = clients(plan);
            synchronized (published) {
                System.out.printf("  of which produced -> stored and published: p50 %.1f ms, p99 %.1f ms%n",
                        published.getValueAtPercentile(50) / 1000.0, published.getValueAtPercentile(99) / 1000.0);
            }
        }
        System.exit(exit);
    }

    /** A registered agent and a command of its own, whose id is the log source it may write. */
    private static JsonObject agent(TestServer server, String name) {
        AgentRepository.Created created = Await.result(new AgentRepository(server.server().context().db())
                .create(name, "bench", null, false));
        String source = Await.result(server.server().vertx().eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT,
                new JsonObject().put("agentId", created.id()).put("type", "check_docker"))).body().getString("id");
        return new JsonObject().put("token", created.token()).put("source", source);
    }

    /** Runs the clients' JVM to the end; its output is this one's. */
    private static int clients(JsonObject plan) throws Exception {
        Path planFile = Files.createTempFile("kitt-bench-plan", ".json");
        Files.writeString(planFile, plan.encode());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        String clientOpts = System.getenv("CLIENT_JAVA_OPTS");
        if (clientOpts != null && !clientOpts.isBlank()) {
            cmd.addAll(1, List.of(clientOpts.trim().split("\\s+")));
        }
        for (String knob : List.of("ingestLines", "ingestWarmupLines")) {
            if (System.getProperty(knob) != null) {
                cmd.add("-D" + knob + "=" + System.getProperty(knob));
            }
        }
        cmd.add(LogsBenchClients.class.getName());
        cmd.add(planFile.toString());
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(planFile);
        }
    }
}
