package dev.kitt.logs;

import dev.kitt.logs.sse.SseChunk;
import dev.kitt.logs.sse.SseItem;
import dev.kitt.logs.sse.SseRequests;
import dev.kitt.logs.sse.SseSource;
import dev.kitt.logs.sse.SseStream;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GET /logs/{sourceId} (a JSON page of stored lines) and GET /logs/{sourceId}/stream (SSE:
 * replay after Last-Event-ID, then live; the event id is the line's seq, or with {@code
 * ?batch=true} the last seq of a {@code lines} event carrying several lines).
 */
public final class LogsApi {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Vertx vertx;
    private final LogRepository logs;
    private final long keepAliveMs;
    private final LiveLogHub hub;

    public LogsApi(Vertx vertx, LogRepository logs, long keepAliveMs) {
        this.vertx = vertx;
        this.logs = logs;
        this.keepAliveMs = keepAliveMs;
        this.hub = new LiveLogHub(vertx);
    }

    public void mount(Router api) {
        api.get("/logs/:sourceId/stream").handler(this::stream);
        api.get("/logs/:sourceId").handler(this::page);
    }

    private static String source(RoutingContext ctx) {
        String id = ctx.pathParam("sourceId");
        if (!SOURCE.matcher(id).matches()) {
            throw ApiException.badRequest("source id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }

    private void page(RoutingContext ctx) {
        String source = source(ctx);
        long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", 500, 1, 5000);
        logs.after(source, after, limit).onSuccess(lines -> {
            JsonArray items = new JsonArray();
            lines.forEach(l -> items.add(l.toJson()));
            long next = lines.isEmpty() ? after : lines.get(lines.size() - 1).seq();
            Json.ok(ctx, new JsonObject().put("source_id", source).put("items", items)
                    .put("next_after", next).put("complete", lines.size() < limit));
        }).onFailure(ctx::fail);
    }

    private void stream(RoutingContext ctx) {
        String source = source(ctx);
        long last = SseRequests.lastEventId(ctx);
        boolean batched = batchParam(ctx);
        // The stream is already compressed-unfriendly: a gzip encoder would hold lines back.
        ctx.response().putHeader("Content-Encoding", "identity");
        SseStream stream = new SseStream(vertx, ctx.response(),
                (cursor, limit) -> {
                    SseChunk kept = hub.page(source, cursor, limit);
                    return kept != null ? Future.succeededFuture(kept)
                            : logs.after(source, cursor, limit).map(lines -> SseSource.framed(items(lines)));
                }, last, SseRequests.buffer(), true, batched);
        // Subscribed before the replay starts, so lines published meanwhile are queued, not lost.
        hub.subscribe(source, stream).onComplete(ar -> stream.start(keepAliveMs,
                SseRequests.counted(vertx, "logs", () -> hub.unsubscribe(source, stream))));
    }

    private static List<SseItem> items(List<LogLine> lines) {
        List<SseItem> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(new SseItem(l.seq(), null, l.encode())));
        return out;
    }

    /**
     * {@code ?batch=true}: each write is one {@code lines} event (id the last line's seq, data the
     * JSON array of its lines) instead of an event per line, for viewers that follow fast logs.
     */
    private static boolean batchParam(RoutingContext ctx) {
        String v = ctx.request().getParam("batch");
        if (v == null || v.isBlank() || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("query parameter 'batch' must be true or false");
    }

    static long longParam(RoutingContext ctx, String name, long dflt, long min, long max) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be an integer from " + min + " to " + max);
        }
    }
}
