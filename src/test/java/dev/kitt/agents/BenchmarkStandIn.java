package dev.kitt.agents;

import dev.kitt.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.time.Instant;

/**
 * A stand-in for the BenchmarkVerticle (built on the engines branch) on {@code kitt.bench.start}:
 * it performs a tiny real computation (hashing a prompt repeatedly, timed with System.nanoTime),
 * logs to the request's sourceId from logFirstSeq, and replies with a metrics.json document of
 * what it measured. It records every request so tests can prove a run happened once.
 */
public final class BenchmarkStandIn {
    public final JsonArray requests = new JsonArray();
    private final MessageConsumer<JsonObject> consumer;

    private BenchmarkStandIn(Vertx vertx) {
        consumer = vertx.eventBus().consumer(Addresses.BENCHMARK_START, msg -> {
            JsonObject req = msg.body();
            synchronized (requests) {
                requests.add(req.copy());
            }
            vertx.executeBlocking(() -> measure(req.getString("model")), false).onSuccess(perMs -> {
                vertx.eventBus().request(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", req.getString("sourceId"))
                        .put("firstSeq", req.getLong("logFirstSeq", 1L))
                        .put("lines", new JsonArray().add("stand-in benchmark: " + req.getString("engine") + " " + req.getString("model"))
                                .add(String.format("measured %.1f hashes/ms", perMs))));
                String ts = Instant.now().toString();
                msg.reply(new JsonObject().put("kitt_version", "0.1.0").put("run_id", "standin-" + req.getString("commandId"))
                        .put("suite_name", req.getString("suite", "quick")).put("timestamp", ts)
                        .put("engine", req.getString("engine")).put("model", req.getString("model")).put("passed", true)
                        .put("total_benchmarks", 1).put("passed_count", 1).put("failed_count", 0).put("total_time_seconds", 0.01)
                        .put("results", new JsonArray().add(new JsonObject().put("test_name", "throughput")
                                .put("test_version", "1.0.0").put("run_number", 1).put("passed", true)
                                .put("errors", new JsonArray()).put("timestamp", ts)
                                .put("metrics", new JsonObject().put("output_tokens_per_s", perMs * 1000)))));
            }).onFailure(err -> msg.fail(500, err.getMessage()));
        });
    }

    public static BenchmarkStandIn register(Vertx vertx) {
        return new BenchmarkStandIn(vertx);
    }

    public int count() {
        synchronized (requests) {
            return requests.size();
        }
    }

    public void unregister() {
        consumer.unregister();
    }

    private static double measure(String prompt) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] data = String.valueOf(prompt).getBytes();
        long t0 = System.nanoTime();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            data = md.digest(data);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return n / Math.max(ms, 0.001);
    }
}
