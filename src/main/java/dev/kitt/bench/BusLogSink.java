package dev.kitt.bench;

import dev.kitt.bus.Addresses;
import dev.kitt.engines.LogSink;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A {@link LogSink} for runs inside the server: lines are numbered from {@code firstSeq} and sent
 * to {@code kitt.logs.append} in batches (every 200 ms, or at 200 lines), so a chatty engine costs
 * one store write per batch rather than per line.
 */
final class BusLogSink implements LogSink {
    private static final int MAX_BATCH = 200;

    private final Vertx vertx;
    private final String sourceId;
    private final long timer;
    private JsonArray pending = new JsonArray();
    private long nextSeq;

    BusLogSink(Vertx vertx, String sourceId, long firstSeq) {
        this.vertx = vertx;
        this.sourceId = sourceId;
        this.nextSeq = firstSeq;
        this.timer = vertx.setPeriodic(200, id -> flush());
    }

    @Override
    public void line(String source, String line) {
        boolean full;
        synchronized (this) {
            pending.add("[" + source + "] " + line);
            full = pending.size() >= MAX_BATCH;
        }
        if (full) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        JsonObject batch = new JsonObject().put("sourceId", sourceId).put("firstSeq", nextSeq).put("lines", pending);
        nextSeq += pending.size();
        pending = new JsonArray();
        vertx.eventBus().send(Addresses.LOGS_APPEND, batch);
    }

    void close() {
        vertx.cancelTimer(timer);
        flush();
    }
}
