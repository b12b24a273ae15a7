/**
 * Server-sent event streams that replay from a store and then go live: one {@link dev.kitt.logs.sse.SseStream}
 * per subscriber, with a bounded buffer so a slow reader falls back to the store instead of
 * holding memory or stalling the publisher.
 */
package dev.kitt.logs.sse;
