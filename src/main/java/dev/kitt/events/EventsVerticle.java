package dev.kitt.events;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Records domain events sent to {@code kitt.events.record} ({type, source_id?, body?}): stores
 * each, then publishes it with its seq on {@code kitt.events}. Storing first means an SSE
 * subscriber that sees an event live can always find it, and its predecessors, in the store.
 */
public final class EventsVerticle extends VerticleBase {
    private final ServerContext ctx;

    public EventsVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        EventRepository events = new EventRepository(ctx.db());
        return vertx.eventBus().<JsonObject>localConsumer(Addresses.EVENTS_RECORD, msg -> {
            JsonObject in = msg.body();
            String type = in.getString("type");
            if (type == null || type.isBlank()) {
                msg.fail(400, "event type is required");
                return;
            }
            events.insert(type, in.getString("source_id"), System.currentTimeMillis(),
                            in.getJsonObject("body", new JsonObject()))
                    .onSuccess(e -> {
                        vertx.eventBus().publish(Addresses.EVENTS, e.toJson());
                        msg.reply(new JsonObject().put("seq", e.seq()));
                    })
                    .onFailure(err -> msg.fail(500, err.getMessage()));
        }).completion();
    }
}
