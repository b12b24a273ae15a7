package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Stores log batches sent to {@code kitt.logs.append} ({sourceId, firstSeq, lines[]}) and then
 * publishes the lines it stored, once, on {@code kitt.logs.live.<sourceId>} as {sourceId,
 * firstSeq, ts, lines[]}, so live watchers and the store never disagree about numbering and a
 * redelivered batch is not shown twice. Batches arriving together are written together
 * ({@link LogWriter}).
 */
public final class LogStreamVerticle extends VerticleBase {
    private final ServerContext ctx;
    private LogWriter writer;

    public LogStreamVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        writer = new LogWriter(new LogRepository(ctx.db()), this::publish);
        return vertx.eventBus().<JsonObject>localConsumer(Addresses.LOGS_APPEND, msg -> {
            JsonObject body = msg.body();
            String source = body.getString("sourceId");
            if (source == null || source.isBlank()) {
                msg.fail(400, "log batch needs a sourceId");
                return;
            }
            long first = body.getLong("firstSeq", 1L);
            if (first < 1) {
                msg.fail(400, "log batch firstSeq must be 1 or more, got " + first);
                return;
            }
            List<String> lines = LogChunk.strings(body.getJsonArray("lines", new JsonArray()));
            long upTo = first + lines.size() - 1;
            writer.write(new LogChunk(source, first, System.currentTimeMillis(), lines))
                    .onSuccess(v -> msg.reply(new JsonObject().put("upToSeq", upTo)))
                    .onFailure(err -> msg.fail(500, err.getMessage()));
        }).completion();
    }

    private void publish(LogChunk stored) {
        vertx.eventBus().publish(Addresses.logsLive(stored.sourceId()), stored.toJson());
    }
}
