package dev.kitt.logs.bench;

import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent → browser log path, measured end to end on loopback: agents are real WebSocket
 * connections sending {@code log} frames (the frames a kitt agent's LogShipper sends), browsers
 * are real SSE connections. (1) Ingest: agents send batches as fast as the server confirms them
 * ({@code received}); lines/s stored. (2) Delivery: one agent sends a fixed rate for N seconds,
 * each line carrying its send time (one JVM, one clock); every SSE subscriber records send →
 * receipt latency and checks its ids run 1..N with no gap or duplicate.
 * Run with scripts/bench/logs [subscribers] [seconds] [lines/s] [database-url].
 */
public final class LogsBench {
    private static final int INGEST_AGENTS = 8;
    private static final int INGEST_BATCH = 1_000;
    private static final int INGEST_LINES_PER_AGENT = Integer.getInteger("ingestLines", 50_000);

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String db = args.length > 3 ? args[3] : TestDatabases.urlFor("sqlite");
        Vertx clients = Vertx.vertx();
        try (TestServer server = TestServer.start(TestServer.config(Files.createTempDirectory("kitt-bench"), db))) {
            System.out.printf("store: %s%n", server.server().context().db().dialect().label());
            ingest(server, clients);
            deliver(server, clients, subscribers, seconds, rate);
        } finally {
            Await.result(clients.close());
        }
        System.exit(0);
    }

    /** A registered agent and a command of its own, whose id is the log source it may write. */
    static BenchAgent agent(TestServer server, Vertx clients, String name) {
        AgentRepository.Created created = Await.result(new AgentRepository(server.server().context().db())
                .create(name, "bench", null, false));
        String source = Await.result(server.server().vertx().eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT,
                new JsonObject().put("agentId", created.id()).put("type", "check_docker"))).body().getString("id");
        return BenchAgent.connect(clients, server.port(), created.token(), source);
    }

    private static void ingest(TestServer server, Vertx clients) {
        String pad = "x".repeat(80);
        List<BenchAgent> agents = new ArrayList<>();
        for (int a = 0; a < INGEST_AGENTS; a++) {
            agents.add(agent(server, clients, "ingest-" + a));
        }
        List<JsonArray> batches = new ArrayList<>();
        for (int first = 1; first <= INGEST_LINES_PER_AGENT; first += INGEST_BATCH) {
            JsonArray lines = new JsonArray();
            for (int i = 0; i < INGEST_BATCH; i++) {
                lines.add("ingest line " + (first + i) + " " + pad);
            }
            batches.add(lines);
        }
        long start = System.nanoTime();
        // Each agent keeps 4 frames in flight, as a LogShipper draining its outbox would.
        agents.forEach(a -> a.sendAll(batches, 4));
        agents.forEach(a -> a.awaitConfirmed(INGEST_LINES_PER_AGENT, 300));
        double secs = (System.nanoTime() - start) / 1e9;
        long lines = (long) INGEST_LINES_PER_AGENT * INGEST_AGENTS;
        System.out.printf("ingest: %d lines from %d agents in %.2f s = %.0f lines/s stored (frames of %d lines)%n",
                lines, INGEST_AGENTS, secs, lines / secs, INGEST_BATCH);
        agents.forEach(BenchAgent::close);
    }

    private static void deliver(TestServer server, Vertx clients, int subscribers, int seconds, int rate) throws Exception {
        BenchAgent agent = agent(server, clients, "live");
        List<LatencyReader> readers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            readers.add(LatencyReader.open(clients, server.port(), "/api/v1/logs/" + agent.source() + "/stream", server.token()));
        }
        // Where the latency goes: send -> stored and published (a bus consumer in the server), vs send -> SSE.
        Histogram published = new Histogram(3_600_000_000L, 3);
        var probe = server.server().vertx().eventBus().<JsonObject>consumer(Addresses.logsLive(agent.source()), msg -> {
            JsonArray lines = msg.body().getJsonArray("lines");
            long now = System.nanoTime();
            synchronized (published) {
                for (int i = 0; i < lines.size(); i++) {
                    published.recordValue(Math.max(0, (now - Long.parseLong(lines.getJsonObject(i).getString("line"))) / 1_000));
                }
            }
        });
        Await.result(probe.completion());
        long total = (long) rate * seconds;
        agent.sendAtRate(rate, total);
        try {
            for (LatencyReader r : readers) {
                r.awaitLastId(total, 60);
            }
        } catch (IllegalStateException e) {
            long stored = server.get("/api/v1/logs/" + agent.source() + "?after=" + (total - 1)).bodyAsJsonObject()
                    .getLong("next_after");
            System.out.printf("FAILED: %s; stored up to %d; readers' last ids: min %d, max %d%n", e.getMessage(), stored,
                    readers.stream().mapToLong(LatencyReader::lastId).min().orElse(0),
                    readers.stream().mapToLong(LatencyReader::lastId).max().orElse(0));
            throw e;
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        long faults = 0;
        for (LatencyReader r : readers) {
            all.add(r.latencies());
            faults += r.faults();
            r.close();
        }
        System.out.printf("delivery: %d subscribers, %d lines/s for %d s, %d deliveries; latency p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; gaps/duplicates: %d%n", subscribers, rate, seconds, all.getTotalCount(),
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, faults);
        synchronized (published) {
            System.out.printf("  of which send -> stored and published: p50 %.1f ms, p99 %.1f ms%n",
                    published.getValueAtPercentile(50) / 1000.0, published.getValueAtPercentile(99) / 1000.0);
        }
        probe.unregister();
        agent.close();
    }
}
