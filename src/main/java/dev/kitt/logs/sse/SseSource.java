package dev.kitt.logs.sse;

import io.vertx.core.Future;

import java.util.List;

/** Where a stream replays from: stored items with an id above the cursor, oldest first. */
@FunctionalInterface
public interface SseSource {
    Future<List<SseItem>> after(long cursor, int limit);
}
