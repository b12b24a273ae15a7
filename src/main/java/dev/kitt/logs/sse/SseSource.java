package dev.kitt.logs.sse;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where a stream replays from: stored items with an id above the cursor, oldest first, at most
 * {@code limit}, framed as one chunk; null when there are none.
 */
@FunctionalInterface
public interface SseSource {
    Future<SseChunk> after(long cursor, int limit);

    /** Items straight from a store, framed here (in the one place a replay encodes). */
    static SseChunk framed(List<SseItem> items) {
        return items.isEmpty() ? null : SseChunk.of(items);
    }
}
