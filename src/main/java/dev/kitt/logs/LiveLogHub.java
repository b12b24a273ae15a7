package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.logs.sse.SseChunk;
import dev.kitt.logs.sse.SseItem;
import dev.kitt.logs.sse.SseStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The live side of the log streams of one HTTP verticle: one event-bus consumer per watched
 * source, however many subscribers watch it, and each published batch encoded once into an
 * {@link SseChunk} that every subscriber writes as is. Each feed also keeps the chunks of its last
 * {@link #TAIL} lines, so subscribers that fell behind catch up from memory by copying frames
 * already encoded, rather than each reading, decoding and encoding the same rows from the store.
 * Used from the HTTP verticle's event loop only.
 */
final class LiveLogHub {
    /** Lines kept per watched source: more than a subscriber's queue holds, so a lagged one finds its cursor here. */
    static final int TAIL = 50_000;

    private final Vertx vertx;
    private final Map<String, Feed> feeds = new HashMap<>();

    private static final class Feed {
        MessageConsumer<JsonObject> consumer;
        /** By first id: batches of one source may be published out of order. */
        final NavigableMap<Long, SseChunk> tail = new TreeMap<>();
        int tailItems;
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

    /**
     * The lines after {@code cursor} from memory, at most {@code limit}, or null unless memory
     * holds them without a hole up to the page's end or to the newest line this feed was given.
     * Every published line of the source reaches the feed in order, so a run that ends at the
     * newest one says what the store would: nothing more yet (lines stored since then arrive live).
     * Anything else (a cursor older than the tail, a hole) is the store's to answer.
     */
    SseChunk page(String source, long cursor, int limit) {
        Feed feed = feeds.get(source);
        Map.Entry<Long, SseChunk> first = feed == null ? null : feed.tail.floorEntry(cursor + 1);
        if (first == null || first.getValue().lastId() <= cursor) {
            return null;
        }
        Collection<SseChunk> chunks = feed.tail.tailMap(first.getKey(), true).values();
        long next = cursor + 1;
        int count = 0;
        for (SseChunk chunk : chunks) {
            long from = chunk.firstIdAfter(next - 1);
            int n = chunk.countAfter(next - 1);
            if (from != next || chunk.lastId() - from != n - 1) {
                return null;
            }
            count += n;
            next = chunk.lastId() + 1;
            if (count >= limit) {
                break;
            }
        }
        return SseChunk.join(chunks, cursor, limit);
    }

    private static void deliver(Feed feed, JsonObject body) {
        List<SseItem> items = items(body);
        if (items.isEmpty()) {
            return;
        }
        SseChunk chunk = SseChunk.of(items);
        SseChunk replaced = feed.tail.put(chunk.firstId(), chunk);
        feed.tailItems += chunk.size() - (replaced == null ? 0 : replaced.size());
        while (feed.tailItems > TAIL) {
            feed.tailItems -= feed.tail.pollFirstEntry().getValue().size();
        }
        for (SseStream stream : feed.streams) {
            stream.offer(chunk);
        }
    }

    /** A published chunk's lines as items, each encoded once. */
    private static List<SseItem> items(JsonObject live) {
        LogChunk chunk = LogChunk.fromJson(live);
        List<SseItem> items = new ArrayList<>(chunk.lines().size());
        for (int i = 0; i < chunk.lines().size(); i++) {
            long seq = chunk.firstSeq() + i;
            items.add(new SseItem(seq, null, LogLine.encode(seq, chunk.ts(), chunk.lines().get(i))));
        }
        return items;
    }
}
