package dev.kitt.logs.bench;

import dev.kitt.cli.Await;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients' side of {@link LogsBench}, in a JVM of its own. (1) Ingest: agents send batches as
 * fast as the server confirms them ({@code received}); lines/s stored. (2) Delivery: one agent
 * sends a fixed rate for N seconds, each line carrying its send time; every SSE subscriber records
 * send → receipt latency and checks its ids run 1..N with no gap or duplicate. Exits 1 on failure.
 */
public final class LogsBenchClients {
    private static final int INGEST_BATCH = 1_000;
    /** Long enough (2,000,000 lines in all) that the figure is the steady rate, not the JIT's warm-up. */
    private static final int INGEST_LINES_PER_AGENT = Integer.getInteger("ingestLines", 250_000);
    /** Sent first and not counted: compiles the ingest path, as the delivery phase's warm-up does for the fan-out. */
    private static final int INGEST_WARMUP_LINES_PER_AGENT = Integer.getInteger("ingestWarmupLines", 50_000);

    public static void main(String[] args) throws Exception {
        JsonObject plan = new JsonObject(Files.readString(Path.of(args[0])));
        Vertx clients = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        // The agents get event loops of their own: 100 readers parsing a million frames a second
        // must not delay the sender, or the send times would include the readers' backlog.
        Vertx agents = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        int exit = 0;
        try {
            ingest(plan, agents);
            settle();
            deliver(plan, agents, clients);
        } catch (IllegalStateException e) {
            exit = 1;
        } finally {
            Await.result(clients.close());
            Await.result(agents.close());
        }
        System.exit(exit);
    }

    private static BenchAgent agent(JsonObject plan, Vertx clients, JsonObject credentials) {
        return BenchAgent.connect(clients, plan.getInteger("port"), credentials.getString("token"),
                credentials.getString("source"));
    }

    private static void ingest(JsonObject plan, Vertx clients) {
        String pad = "x".repeat(80);
        List<BenchAgent> agents = new ArrayList<>();
        plan.getJsonArray("ingest").forEach(c -> agents.add(agent(plan, clients, (JsonObject) c)));
        agents.forEach(a -> a.sendAll(batches(INGEST_WARMUP_LINES_PER_AGENT, pad), 4));
        agents.forEach(a -> a.awaitConfirmed(INGEST_WARMUP_LINES_PER_AGENT, 300));
        List<JsonArray> batches = batches(INGEST_LINES_PER_AGENT, pad);
        long start = System.nanoTime();
        // Each agent keeps 4 frames in flight, as a LogShipper draining its outbox would.
        agents.forEach(a -> a.sendAll(batches, 4));
        agents.forEach(a -> a.awaitConfirmed(INGEST_WARMUP_LINES_PER_AGENT + INGEST_LINES_PER_AGENT, 300));
        double secs = (System.nanoTime() - start) / 1e9;
        long lines = (long) INGEST_LINES_PER_AGENT * agents.size();
        System.out.printf("ingest: %d lines from %d agents in %.2f s = %.0f lines/s stored (frames of %d lines; "
                        + "after %d warm-up lines, not counted)%n",
                lines, agents.size(), secs, lines / secs, INGEST_BATCH, (long) INGEST_WARMUP_LINES_PER_AGENT * agents.size());
        agents.forEach(BenchAgent::close);
    }

    /**
     * Between the phases the machine writes back what the ingest left in memory (two million
     * lines: the store's WAL, the kernel's dirty pages), so that write-back does not land in the
     * delivery phase and measure the disk rather than the log path. The ingest runs first because
     * it also warms the server up: a cold server compiling its code on these 2 cores beside 100
     * readers fell seconds behind.
     */
    private static void settle() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Thread.sleep(2_000);
    }

    private static List<JsonArray> batches(int total, String pad) {
        List<JsonArray> batches = new ArrayList<>();
        for (int first = 1; first <= total; first += INGEST_BATCH) {
            JsonArray lines = new JsonArray();
            for (int i = 0; i < INGEST_BATCH; i++) {
                lines.add("ingest line " + (first + i) + " " + pad);
            }
            batches.add(lines);
        }
        return batches;
    }

    private static void deliver(JsonObject plan, Vertx agents, Vertx clients) throws Exception {
        int subscribers = plan.getInteger("subscribers");
        int seconds = plan.getInteger("seconds");
        int rate = plan.getInteger("rate");
        long warmupLines = plan.getLong("warmupLines");
        boolean batched = plan.getBoolean("batched", false);
        int port = plan.getInteger("port");
        String token = plan.getString("token");
        BenchAgent agent = agent(plan, agents, plan.getJsonObject("live"));
        List<LatencyReader> readers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            readers.add(LatencyReader.open(clients, port, "/api/v1/logs/" + agent.source() + "/stream"
                    + (batched ? "?batch=true" : ""), token, warmupLines));
        }
        long total = warmupLines + (long) rate * seconds;
        agent.sendAtRate(rate, total);
        try {
            for (LatencyReader r : readers) {
                r.awaitLastId(total, 60);
            }
        } catch (IllegalStateException e) {
            var http = clients.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
            JsonObject page = Await.result(http.request(new RequestOptions().setMethod(HttpMethod.GET)
                            .setURI("/api/v1/logs/" + agent.source() + "?after=" + (total - 1))
                            .putHeader("Authorization", "Bearer " + token))
                    .compose(req -> req.send()).compose(res -> res.body())).toJsonObject();
            System.out.printf("FAILED: %s; stored up to %d; readers' last ids: min %d, max %d%n", e.getMessage(),
                    page.getLong("next_after"), readers.stream().mapToLong(LatencyReader::lastId).min().orElse(0),
                    readers.stream().mapToLong(LatencyReader::lastId).max().orElse(0));
            throw e;
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        Histogram fromSend = new Histogram(3_600_000_000L, 3);
        long faults = 0;
        for (LatencyReader r : readers) {
            all.add(r.latencies());
            fromSend.add(r.fromSend());
            faults += r.faults();
            r.close();
        }
        System.out.printf("delivery: %d subscribers (%s), %d lines/s for %d s after %d warm-up lines, %d deliveries counted; "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; gaps/duplicates: %d%n", subscribers,
                batched ? "batched events" : "an event per line", rate, seconds, warmupLines, all.getTotalCount(),
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, faults);
        System.out.printf("  from the agent sending the frame (without its batching wait): p50 %.1f ms, p99 %.1f ms%n",
                fromSend.getValueAtPercentile(50) / 1000.0, fromSend.getValueAtPercentile(99) / 1000.0);
        agent.close();
    }
}
