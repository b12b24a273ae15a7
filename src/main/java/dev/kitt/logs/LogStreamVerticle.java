package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores log batches sent to {@code kitt.logs.append} ({sourceId, firstSeq, lines[]}) and then
 * publishes them on {@code kitt.logs.live.<sourceId>} with their sequence numbers, so live
 * watchers and the store never disagree about numbering.
 */
public final class LogStreamVerticle extends VerticleBase {
    private final ServerContext ctx;
    private LogRepository logs;

    public LogStreamVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        logs = new LogRepository(ctx.db());
        return vertx.eventBus().<JsonObject>localConsumer(Addresses.LOGS_APPEND, msg -> {
            JsonObject body = msg.body();
            String source = body.getString("sourceId");
            long first = body.getLong("firstSeq", 1L);
            JsonArray lines = body.getJsonArray("lines", new JsonArray());
            long now = System.currentTimeMillis();
            List<LogLine> batch = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                batch.add(new LogLine(source, first + i, now, lines.getString(i)));
            }
            logs.append(batch).onSuccess(v -> {
                JsonArray live = new JsonArray();
                batch.forEach(l -> live.add(l.toJson()));
                vertx.eventBus().publish(Addresses.logsLive(source), new JsonObject()
                        .put("sourceId", source).put("lines", live));
                msg.reply(new JsonObject().put("upToSeq", first + lines.size() - 1));
            }).onFailure(err -> msg.fail(500, err.getMessage()));
        }).completion();
    }
}
