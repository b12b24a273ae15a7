package dev.kitt.logs.bench;

import dev.kitt.cli.Await;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark agent: a real WebSocket to /api/v1/agents/connect that says hello and sends
 * {@code log} frames for one source, counting what the server confirms with {@code received}.
 */
final class BenchAgent {
    private final WebSocket ws;
    private final Context context;
    private final String source;
    private final AtomicLong confirmed = new AtomicLong();
    private volatile Runnable onReceived = () -> { };

    /** Held so the client is not collected (and its connection closed) while the agent is in use. */
    private final WebSocketClient client;

    private BenchAgent(WebSocketClient client, WebSocket ws, Context context, String source) {
        this.client = client;
        this.ws = ws;
        this.context = context;
        this.source = source;
    }

    static BenchAgent connect(Vertx vertx, int port, String token, String source) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
        WebSocket ws = Await.result(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/api/v1/agents/connect").addHeader("Authorization", "Bearer " + token)));
        BenchAgent agent = new BenchAgent(client, ws, vertx.getOrCreateContext(), source);
        ws.textMessageHandler(agent::frame);
        ws.writeTextMessage("{\"type\":\"hello\",\"protocol\":1,\"version\":\"bench\"}");
        return agent;
    }

    private void frame(String text) {
        JsonObject f = new JsonObject(text);
        if ("received".equals(f.getString("type")) && source.equals(f.getString("sourceId"))) {
            confirmed.accumulateAndGet(f.getLong("upToSeq", 0L), Math::max);
            onReceived.run();
        } else if ("error".equals(f.getString("type"))) {
            System.err.println("server refused a frame: " + text);
        }
    }

    String source() {
        return source;
    }

    private String logFrame(long firstSeq, JsonArray lines) {
        return new JsonObject().put("type", "log").put("msgId", "m" + firstSeq).put("sourceId", source)
                .put("firstSeq", firstSeq).put("lines", lines).encode();
    }

    /** Sends every batch after the lines confirmed so far, keeping at most {@code window} unconfirmed frames in flight. */
    void sendAll(List<JsonArray> batches, int window) {
        long[] next = {0};
        long[] sentUpTo = {confirmed.get()};
        // Runs on the socket's event loop (confirmations) and the agent's context (start): one at a time.
        Runnable pump = () -> {
            synchronized (next) {
                while (next[0] < batches.size() && sentUpTo[0] - confirmed.get() < (long) window * batches.get(0).size()) {
                JsonArray lines = batches.get((int) next[0]++);
                ws.writeTextMessage(logFrame(sentUpTo[0] + 1, lines));
                sentUpTo[0] += lines.size();
                }
            }
        };
        onReceived = pump;
        context.runOnContext(v -> pump.run());
    }

    /**
     * Produces {@code total} lines at {@code rate} lines/s and ships them as the agent's
     * LogShipper does: a frame once 1,000 lines wait or 50 ms after the first waiting line (checked
     * every 10 ms). Each line carries the time it was produced and the time its frame left
     * (System.nanoTime, "<produced> <sent>"), so the latency can be read with or without the
     * batching delay.
     */
    void sendAtRate(int rate, long total) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            long start = System.nanoTime();
            long[] sent = {0};
            context.owner().setPeriodic(10, id -> {
                long now = System.nanoTime();
                long due = Math.min(total, (now - start) * rate / 1_000_000_000L);
                long firstWaiting = start + sent[0] * 1_000_000_000L / rate;
                boolean linger = now - firstWaiting >= 50_000_000L || due == total;
                while (due > sent[0] && (due - sent[0] >= 1_000 || linger)) {
                    long upTo = Math.min(due, sent[0] + 1_000);
                    JsonArray lines = new JsonArray();
                    long sentAt = System.nanoTime();
                    for (long s = sent[0]; s < upTo; s++) {
                        lines.add((start + s * 1_000_000_000L / rate) + " " + sentAt);
                    }
                    ws.writeTextMessage(logFrame(sent[0] + 1, lines));
                    sent[0] = upTo;
                }
                if (sent[0] >= total) {
                    context.owner().cancelTimer(id);
                    done.complete(null);
                }
            });
        });
        done.get(total / Math.max(1, rate) + 60, TimeUnit.SECONDS);
    }

    void awaitConfirmed(long upTo, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (confirmed.get() < upTo) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(source + ": only " + confirmed.get() + " of " + upTo + " lines confirmed");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    void close() {
        ws.close().onComplete(ar -> client.close());
    }
}
