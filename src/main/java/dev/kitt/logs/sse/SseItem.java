package dev.kitt.logs.sse;

/** One stored, numbered item of an SSE stream: the id is the store's sequence number. */
public record SseItem(long id, String event, String data) {
}
