package dev.kitt.logs.sse;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One subscriber's stream. Items come from two places, the store ({@link SseSource}) and live
 * publication ({@link #offer}), and leave in id order exactly once:
 * <ul>
 *   <li>live items wait in a bounded queue; anything at or below the cursor (the last id sent) is
 *       dropped, so replay and live overlap without duplicates;</li>
 *   <li>when the queue overflows, or the socket's write queue is full, or a live item skips ids,
 *       the subscriber is told ({@code event: lagged}) and catches up from the store, because every
 *       published item was stored first;</li>
 *   <li>the caller registers its live consumer before {@link #start()}, so nothing published
 *       during the initial replay is missed.</li>
 * </ul>
 * Everything runs on the subscriber's event loop; nothing here blocks.
 */
public final class SseStream {
    static final int PAGE = 500;
    static final long RETRY_MS = 250;
    static final int FLUSH_BYTES = 32 * 1024;

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final SseSource source;
    private final int capacity;
    private final boolean contiguous;
    private final ArrayDeque<SseItem> pending = new ArrayDeque<>();
    private long cursor;
    private boolean replaying;
    private boolean needStore = true;
    private boolean lagged;
    private boolean closed;
    private long keepAliveTimer = -1;
    /** Frames waiting to be written together: one write per batch, not one syscall per line. */
    private final StringBuilder out = new StringBuilder();

    /**
     * @param contiguous whether ids follow each other without holes (a log's seq); a filtered or
     *                   global event stream is not, so only there a skipped id means nothing
     */
    public SseStream(Vertx vertx, HttpServerResponse response, SseSource source, long lastEventId, int capacity,
                     boolean contiguous) {
        this.vertx = vertx;
        this.contiguous = contiguous;
        this.response = response;
        this.source = source;
        this.cursor = lastEventId;
        this.capacity = capacity;
    }

    /** Writes the SSE headers, starts the keep-alive comments and the replay; {@code onClose} runs once. */
    public void start(long keepAliveMs, Runnable onClose) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": stream open\n\n");
        response.drainHandler(v -> pump());
        Runnable release = () -> {
            if (!closed) {
                closed = true;
                vertx.cancelTimer(keepAliveTimer);
                onClose.run();
            }
        };
        response.closeHandler(v -> release.run());
        response.exceptionHandler(err -> release.run());
        // Proxies close idle connections; a comment line keeps them open without a client-visible event.
        keepAliveTimer = vertx.setPeriodic(keepAliveMs, id -> {
            if (!closed && !response.writeQueueFull()) {
                response.write(": keep-alive\n\n");
                // A safety net: resumes work even if a drain notification was missed.
                pump();
            }
        });
        pump();
    }

    /** Live items, already stored, in id order. */
    public void offer(List<SseItem> items) {
        for (SseItem item : items) {
            if (item.id() <= cursor) {
                continue;
            }
            if (pending.size() >= capacity) {
                // Too far behind to hold in memory: forget the queue, the store has it all.
                pending.clear();
                needStore = true;
                lagged = true;
                break;
            }
            pending.add(item);
        }
        pump();
    }

    /** An item that is not stored (a heartbeat sample): sent if the client keeps up, else dropped. */
    public void ephemeral(String event, String data) {
        if (!closed && !response.writeQueueFull()) {
            response.write(frame(null, event, data));
        }
    }

    private void pump() {
        if (closed || replaying || response.writeQueueFull()) {
            return;
        }
        if (lagged) {
            lagged = false;
            response.write(frame(null, "lagged", "{\"after\":" + cursor + "}"));
        }
        if (needStore) {
            replay();
            return;
        }
        while (!pending.isEmpty()) {
            if (out.length() >= FLUSH_BYTES) {
                flush();
            }
            if (response.writeQueueFull()) {
                return;
            }
            SseItem item = pending.poll();
            if (item.id() <= cursor) {
                continue;
            }
            if (contiguous && item.id() != cursor + 1) {
                // An id went missing between us and the publisher: the store is the authority.
                pending.addFirst(item);
                needStore = true;
                flush();
                replay();
                return;
            }
            send(item);
        }
        flush();
    }

    private void replay() {
        replaying = true;
        source.after(cursor, PAGE).onComplete(ar -> {
            replaying = false;
            if (closed) {
                return;
            }
            if (ar.failed()) {
                // A busy store (SQLite under write load) is transient: keep the cursor, try again shortly.
                vertx.setTimer(RETRY_MS, t -> pump());
                return;
            }
            List<SseItem> page = ar.result();
            page.forEach(this::send);
            flush();
            needStore = page.size() == PAGE;
            if (!needStore) {
                pending.removeIf(i -> i.id() <= cursor);
                if (contiguous && !pending.isEmpty() && pending.peek().id() != cursor + 1) {
                    // The store holds nothing newer; ids genuinely skip (a sender restarted its count).
                    cursor = pending.peek().id() - 1;
                }
            }
            if (response.writeQueueFull() && !pending.isEmpty()) {
                // Keep the order: whatever queued live is re-read from the store after the drain.
                pending.clear();
                needStore = true;
            }
            pump();
        });
    }

    private void send(SseItem item) {
        cursor = item.id();
        out.append(frame(item.id(), item.event(), item.data()));
    }

    private void flush() {
        if (out.length() > 0 && !closed) {
            response.write(out.toString());
            out.setLength(0);
        }
    }

    static String frame(Long id, String event, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 40);
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString();
    }
}
