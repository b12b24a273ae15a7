package dev.kitt.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * One command's log, numbered from 1 and shipped in batches through the outbox, so the server can
 * store each line once whatever is sent twice. A batch leaves {@link #LINGER_MS} after its first
 * line, or at once when it reaches {@link #MAX_LINES} lines or {@link #MAX_CHARS} characters:
 * a quiet log is late by at most the linger, and a busy one goes out in few large frames (the
 * server's cost is per frame more than per line). Used on the daemon's event loop only.
 */
final class LogShipper {
    private final Vertx vertx;
    private final String sourceId;
    private final DiskOutbox outbox;
    private final Consumer<JsonObject> send;
    static final int MAX_LINES = 1_000;
    /** Well under the server's 1 MiB frame limit, leaving room for JSON escaping. */
    static final int MAX_CHARS = 256 * 1024;
    static final long LINGER_MS = 50;
    private static final int MAX_LINE = 8192;

    private JsonArray buffer = new JsonArray();
    private int chars;
    private long nextSeq = 1;
    private long timer = -1;

    LogShipper(Vertx vertx, String sourceId, DiskOutbox outbox, Consumer<JsonObject> send) {
        this.vertx = vertx;
        this.sourceId = sourceId;
        this.outbox = outbox;
        this.send = send;
    }

    void line(String text) {
        String line = text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "…" : text;
        buffer.add(line);
        chars += line.length() + 3;
        if (buffer.size() >= MAX_LINES || chars >= MAX_CHARS) {
            flush();
        } else if (timer < 0) {
            timer = vertx.setTimer(LINGER_MS, t -> {
                timer = -1;
                flush();
            });
        }
    }

    Future<Void> flush() {
        if (buffer.isEmpty()) {
            return Future.succeededFuture();
        }
        JsonObject frame = new JsonObject().put("type", "log").put("sourceId", sourceId).put("firstSeq", nextSeq)
                .put("lines", buffer);
        nextSeq += buffer.size();
        buffer = new JsonArray();
        chars = 0;
        if (timer >= 0) {
            // The batch left early (full): the next one gets a fresh linger from its own first line.
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return outbox.add(frame).onSuccess(send::accept).mapEmpty();
    }
}
