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
 * publishes each batch once on {@code kitt.logs.live.<sourceId>} with its sequence numbers, so
 * live watchers and the store never disagree about numbering. Batches arriving together are
 * written together ({@link LogWriter}).
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
            JsonArray lines = body.getJsonArray("lines", new JsonArray());
            long now = System.currentTimeMillis();
            List<LogLine> batch = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                batch.add(new LogLine(source, first + i, now, lines.getValue(i) == null ? "" : lines.getValue(i).toString()));
            }
            long upTo = first + lines.size() - 1;
            writer.write(batch).onSuccess(v -> msg.reply(new JsonObject().put("upToSeq", upTo)))
                    .onFailure(err -> msg.fail(500, err.getMessage()));
        }).completion();
    }

    private void publish(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        JsonArray live = new JsonArray(new ArrayList<>(batch.size()));
        batch.forEach(l -> live.add(l.toJson()));
        vertx.eventBus().publish(Addresses.logsLive(batch.get(0).sourceId()),
                new JsonObject().put("sourceId", batch.get(0).sourceId()).put("lines", live));
    }
}
