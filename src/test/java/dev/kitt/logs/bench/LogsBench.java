package dev.kitt.logs.bench;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agent → browser log path, measured: (1) ingest, batches sent to kitt.logs.append as fast as
 * the store takes them; (2) delivery, 10,000 lines/s to N SSE subscribers, latency from send to
 * SSE receipt (each line carries its send time; one JVM, so one clock), and loss.
 * Run with scripts/bench/logs [subscribers] [seconds] [lines/s] [database-url].
 */
public final class LogsBench {
    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String db = args.length > 3 ? args[3] : TestDatabases.urlFor("sqlite");
        try (TestServer server = TestServer.start(TestServer.config(Files.createTempDirectory("kitt-bench"), db))) {
            EventBus bus = server.server().vertx().eventBus();
            ingest(bus, 50_000, 1_000, 8);
            deliver(server, bus, subscribers, seconds, rate);
        }
        System.exit(0);
    }

    private static void ingest(EventBus bus, int lines, int batch, int inFlight) {
        String pad = "x".repeat(80);
        long start = System.nanoTime();
        List<Future<?>> window = new ArrayList<>();
        for (int first = 1; first <= lines; first += batch) {
            JsonArray arr = new JsonArray();
            for (int i = 0; i < batch; i++) {
                arr.add("ingest line " + (first + i) + " " + pad);
            }
            window.add(bus.request(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", "ingest-" + (first / batch % inFlight))
                    .put("firstSeq", first).put("lines", arr)));
            if (window.size() == inFlight) {
                Await.result(Future.all(new ArrayList<>(window)));
                window.clear();
            }
        }
        Await.result(Future.all(window));
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest: %d lines in %.2f s = %.0f lines/s stored (batches of %d, %d in flight)%n",
                lines, secs, lines / secs, batch, inFlight);
    }

    private static void deliver(TestServer server, EventBus bus, int subscribers, int seconds, int rate) throws Exception {
        Vertx clients = Vertx.vertx();
        List<SseClient> subs = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            subs.add(SseClient.open(clients, server.port(), "/api/v1/logs/live/stream", server.token(), null));
        }
        int perTick = rate / 100;
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long seq = 1;
        for (int tick = 0; seq <= total; tick++) {
            long due = start + tick * 10_000_000L;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            JsonArray arr = new JsonArray();
            long now = System.nanoTime();
            for (int i = 0; i < perTick; i++) {
                arr.add(Long.toString(now));
            }
            bus.request(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", "live").put("firstSeq", seq).put("lines", arr));
            seq += perTick;
        }
        long last = seq - 1;
        for (SseClient s : subs) {
            s.awaitLastId(last, Duration.ofSeconds(120));
        }
        long[] lat = new long[(int) (subscribers * last)];
        int n = 0;
        long lost = 0;
        for (SseClient s : subs) {
            List<SseClient.Frame> frames = s.frames();
            long expected = 1;
            for (SseClient.Frame f : frames) {
                if (f.id() == null) {
                    continue;
                }
                if (f.id() != expected) {
                    lost++;
                }
                expected = f.id() + 1;
                JsonObject line = new JsonObject(f.data());
                if (n < lat.length) {
                    lat[n++] = (s.receivedAt(f) - Long.parseLong(line.getString("line"))) / 1_000;
                }
            }
            s.close();
        }
        Arrays.sort(lat, 0, n);
        System.out.printf("delivery: %d subscribers, %d lines/s for %d s, %d deliveries; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "gaps/duplicates: %d%n", subscribers, rate, seconds, n, lat[n / 2] / 1000.0,
                lat[(int) (n * 0.99)] / 1000.0, lat[n - 1] / 1000.0, lost);
        Await.result(clients.close());
    }
}
