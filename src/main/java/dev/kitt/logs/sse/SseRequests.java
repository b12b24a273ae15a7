package dev.kitt.logs.sse;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** What every SSE route reads from its request: where to resume, how often to keep alive. */
public final class SseRequests {
    /** Default comment interval; proxies commonly drop connections idle for 30-60 s. */
    public static final long DEFAULT_KEEP_ALIVE_MS = 15_000;
    /**
     * Live items a subscriber may have queued before it is sent back to the store. Queued log
     * chunks are shared by every subscriber, so a generous bound costs references, not copies:
     * about 2 s at 10,000 lines/s, enough to ride out a reader's hiccup without a store replay.
     */
    public static final int BUFFER = 20_000;

    private SseRequests() {
    }

    /** The per-subscriber live queue bound; the system property lets tests shrink it. */
    public static int buffer() {
        return Integer.getInteger("kitt.sse.bufferItems", BUFFER);
    }

    /** Interval of the keep-alive comment; the system property lets tests shrink it. */
    public static long keepAliveMs() {
        return Long.getLong("kitt.sse.keepAliveMs", DEFAULT_KEEP_ALIVE_MS);
    }

    /** The id after which to resume: the Last-Event-ID header (set by EventSource on reconnect) or ?last_event_id. */
    public static long lastEventId(RoutingContext ctx) {
        String value = ctx.request().getHeader("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = ctx.request().getParam("last_event_id");
        }
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be a non-negative integer, got '" + value + "'");
        }
    }

    /**
     * Browsers' EventSource cannot send an Authorization header, so the two stream routes also
     * accept the JWT as {@code ?access_token=}. Only those routes: elsewhere a token in the URL
     * would leak into logs and history for no reason. Mounted before the bearer handler.
     */
    public static Handler<RoutingContext> queryTokenForStreams() {
        return ctx -> {
            String path = ctx.normalizedPath();
            boolean stream = path.endsWith("/stream")
                    && (path.startsWith("/api/v1/logs/") || path.equals("/api/v1/events/stream"));
            String token = ctx.request().getParam("access_token");
            if (stream && token != null && !token.isBlank() && ctx.request().getHeader("Authorization") == null) {
                ctx.request().headers().set("Authorization", "Bearer " + token);
            }
            ctx.next();
        };
    }

    /**
     * Counts a subscriber of {@code stream} ("logs" or "events") for the kitt_sse_subscribers
     * gauge: +1 now, -1 when the returned close action runs (before {@code onClose}).
     */
    public static Runnable counted(Vertx vertx, String stream, Runnable onClose) {
        vertx.eventBus().publish(Addresses.METRICS_SSE, new JsonObject().put("stream", stream).put("delta", 1));
        return () -> {
            vertx.eventBus().publish(Addresses.METRICS_SSE, new JsonObject().put("stream", stream).put("delta", -1));
            onClose.run();
        };
    }
}
