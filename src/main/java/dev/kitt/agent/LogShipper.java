package dev.kitt.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * One command's log, numbered from 1 and shipped in batches (every 200 ms or 100 lines) through
 * the outbox, so the server can store each line once whatever is sent twice. Used on the
 * daemon's event loop only.
 */
final class LogShipper {
    private final Vertx vertx;
    private final String sourceId;
    private final DiskOutbox outbox;
    private final Consumer<JsonObject> send;
    private JsonArray buffer = new JsonArray();
    private long nextSeq = 1;
    private long timer = -1;

    LogShipper(Vertx vertx, String sourceId, DiskOutbox outbox, Consumer<JsonObject> send) {
        this.vertx = vertx;
        this.sourceId = sourceId;
        this.outbox = outbox;
        this.send = send;
    }

    void line(String text) {
        buffer.add(text.length() > 8192 ? text.substring(0, 8192) + "…" : text);
        if (buffer.size() >= 100) {
            flush();
        } else if (timer < 0) {
            timer = vertx.setTimer(200, t -> {
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
        return outbox.add(frame).onSuccess(send::accept).mapEmpty();
    }
}
