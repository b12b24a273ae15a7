package dev.kitt.events;

import dev.kitt.bus.Addresses;
import dev.kitt.logs.sse.SseItem;
import dev.kitt.logs.sse.SseRequests;
import dev.kitt.logs.sse.SseSource;
import dev.kitt.logs.sse.SseStream;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * GET /events (a JSON page) and GET /events/stream (SSE, id = the event's seq, optionally
 * ?source=). Agent heartbeats ride along as unstored {@code event: heartbeat} items so charts
 * can follow GPU load without a second connection; they are never replayed.
 */
public final class EventsApi {
    private final Vertx vertx;
    private final EventRepository events;
    private final long keepAliveMs;

    public EventsApi(Vertx vertx, EventRepository events, long keepAliveMs) {
        this.vertx = vertx;
        this.events = events;
        this.keepAliveMs = keepAliveMs;
    }

    public void mount(Router api) {
        api.get("/events/stream").handler(this::stream);
        api.get("/events").handler(this::page);
    }

    private static String sourceFilter(RoutingContext ctx) {
        String s = ctx.request().getParam("source");
        if (s != null && (s.isBlank() || s.length() > 128)) {
            throw ApiException.badRequest("query parameter 'source' must be 1-128 characters");
        }
        return s;
    }

    private void page(RoutingContext ctx) {
        String source = sourceFilter(ctx);
        long after = longParam(ctx, "after", 0);
        events.after(after, source, 200).onSuccess(list -> {
            JsonArray items = new JsonArray();
            list.forEach(e -> items.add(e.toJson()));
            Json.ok(ctx, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void stream(RoutingContext ctx) {
        String source = sourceFilter(ctx);
        long last = SseRequests.lastEventId(ctx);
        ctx.response().putHeader("Content-Encoding", "identity");
        SseStream stream = new SseStream(vertx, ctx.response(),
                (cursor, limit) -> events.after(cursor, source, limit)
                        .map(list -> SseSource.framed(list.stream().map(EventsApi::item).toList())), last, SseRequests.buffer(), false, false);
        MessageConsumer<JsonObject> live = vertx.eventBus().consumer(Addresses.EVENTS, msg -> {
            JsonObject body = msg.body();
            if (source != null && !source.equals(body.getString("source_id"))) {
                return;
            }
            if (body.getValue("seq") instanceof Number) {
                stream.offer(List.of(item(DomainEvent.fromJson(body))));
            } else {
                // Published by someone who did not go through the recorder: pass it on, unnumbered.
                stream.ephemeral(null, body.encode());
            }
        });
        MessageConsumer<JsonObject> beats = vertx.eventBus().consumer(Addresses.AGENTS_HEARTBEAT, msg -> {
            JsonObject body = msg.body();
            String agent = body.getString("agent_id", body.getString("agentId"));
            if (source == null || source.equals(agent)) {
                stream.ephemeral("heartbeat", body.encode());
            }
        });
        Future.all(live.completion(), beats.completion()).onComplete(ar -> stream.start(keepAliveMs,
                SseRequests.counted(vertx, "events", () -> {
                    live.unregister();
                    beats.unregister();
                })));
    }

    private static SseItem item(DomainEvent e) {
        return new SseItem(e.seq(), null, e.toJson().encode());
    }

    private static long longParam(RoutingContext ctx, String name, long dflt) {
        String v = ctx.request().getParam(name);
        try {
            long n = v == null || v.isBlank() ? dflt : Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a non-negative integer");
        }
    }
}
