package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.logs.sse.SseChunk;
import dev.kitt.logs.sse.SseItem;
import dev.kitt.logs.sse.SseStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live side of the log streams of one HTTP verticle: one event-bus consumer per watched
 * source, however many subscribers watch it, and each published batch encoded once into an
 * {@link SseChunk} that every subscriber writes as is. Used from the HTTP verticle's event loop only.
 */
final class LiveLogHub {
    private final Vertx vertx;
    private final Map<String, Feed> feeds = new HashMap<>();

    private static final class Feed {
        MessageConsumer<JsonObject> consumer;
        /** Replaced, never mutated, so a subscriber leaving during delivery cannot disturb the loop. */
        SseStream[] streams = new SseStream[0];
    }

    LiveLogHub(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Adds a subscriber; completes once live lines of the source reach it. */
    Future<Void> subscribe(String source, SseStream stream) {
        Feed feed = feeds.get(source);
        if (feed == null) {
            Feed created = new Feed();
            created.consumer = vertx.eventBus().consumer(Addresses.logsLive(source), msg -> deliver(created, msg.body()));
            feeds.put(source, created);
            feed = created;
        }
        SseStream[] grown = Arrays.copyOf(feed.streams, feed.streams.length + 1);
        grown[grown.length - 1] = stream;
        feed.streams = grown;
        return feed.consumer.completion();
    }

    void unsubscribe(String source, SseStream stream) {
        Feed feed = feeds.get(source);
        if (feed == null) {
            return;
        }
        feed.streams = Arrays.stream(feed.streams).filter(s -> s != stream).toArray(SseStream[]::new);
        if (feed.streams.length == 0) {
            feeds.remove(source);
            feed.consumer.unregister();
        }
    }

    private static void deliver(Feed feed, JsonObject body) {
        SseChunk chunk = chunk(body.getJsonArray("lines", new JsonArray()));
        if (chunk == null) {
            return;
        }
        for (SseStream stream : feed.streams) {
            stream.offer(chunk);
        }
    }

    /** The published lines ({seq, ts, line}, ascending seq) as one encoded chunk; null when there are none. */
    static SseChunk chunk(JsonArray lines) {
        List<SseItem> items = new ArrayList<>(lines.size());
        long last = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            JsonObject l = lines.getJsonObject(i);
            long seq = l.getLong("seq");
            if (seq > last) {
                items.add(new SseItem(seq, null, l.encode()));
                last = seq;
            }
        }
        return items.isEmpty() ? null : SseChunk.of(items);
    }
}
