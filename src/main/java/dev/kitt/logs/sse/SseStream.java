package dev.kitt.logs.sse;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One subscriber's stream. Items come from two places, the store ({@link SseSource}) and live
 * publication ({@link #offer}), and leave in id order exactly once:
 * <ul>
 *   <li>live chunks wait in a queue bounded in items; whatever is at or below the cursor (the last
 *       id sent) is skipped, so replay and live overlap without duplicates;</li>
 *   <li>when the queue overflows (the socket is not draining), the queue is dropped, the client is
 *       told once ({@code event: lagged}, data {@code {"after": <cursor>}}) and, as soon as the
 *       socket drains, catches up from the store, which holds every published item because items
 *       are stored before they are published;</li>
 *   <li>the caller registers its live consumer before {@link #start}, so nothing published during
 *       the initial replay is missed.</li>
 * </ul>
 * Everything runs on the subscriber's event loop; nothing here blocks, and a stalled subscriber
 * costs the publisher one bounds check per chunk.
 */
public final class SseStream {
    static final int PAGE = 2_000;
    static final long RETRY_MS = 250;
    /** How long a hole in a contiguous stream may last before it is taken as ids the sender skipped. */
    static final long HOLE_WAIT_MS = 2_000;

    private final Vertx vertx;
    private final HttpServerResponse response;
    private final SseFrames out;
    private final SseSource source;
    private final int capacity;
    private final boolean contiguous;
    private final boolean batched;
    private final ArrayDeque<SseChunk> pending = new ArrayDeque<>();
    private int pendingItems;
    private long cursor;
    private boolean replaying;
    private boolean needStore = true;
    /** Counts queue drops: a replay that started before a drop must not be taken as complete. */
    private long drops;
    private boolean behind;
    private boolean tellLagged;
    private boolean closed;
    private long keepAliveTimer = -1;
    private long holeSince;

    /**
     * @param contiguous whether ids follow each other without holes (a log's seq); a filtered or
     *                   global event stream is not, so only there a skipped id means nothing
     * @param batched    whether each write goes out as one {@link SseChunk#BATCH_EVENT} event
     *                   rather than an event per item
     */
    public SseStream(Vertx vertx, HttpServerResponse response, SseSource source, long lastEventId, int capacity,
                     boolean contiguous, boolean batched) {
        this.vertx = vertx;
        this.contiguous = contiguous;
        this.batched = batched;
        this.response = response;
        this.out = new SseFrames(response);
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
                pending.clear();
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
        if (!items.isEmpty()) {
            offer(SseChunk.of(items));
        }
    }

    /** A live chunk, already stored; the same chunk may be offered to every subscriber. */
    public void offer(SseChunk chunk) {
        if (closed || chunk.lastId() <= cursor) {
            return;
        }
        if (pendingItems + chunk.size() > capacity) {
            // Too far behind to hold in memory: forget the queue, the store has it all.
            pending.clear();
            pendingItems = 0;
            needStore = true;
            drops++;
            if (!behind) {
                behind = true;
                tellLagged = true;
            }
            return;
        }
        pending.add(chunk);
        pendingItems += chunk.size();
        pump();
    }

    /** An item that is not stored (a heartbeat sample): sent if the client keeps up, else dropped. */
    public void ephemeral(String event, String data) {
        if (!closed && !response.writeQueueFull()) {
            response.write(SseFrames.frame(null, event, data));
        }
    }

    private void pump() {
        if (closed || replaying || response.writeQueueFull()) {
            return;
        }
        if (tellLagged) {
            tellLagged = false;
            response.write(SseFrames.frame(null, "lagged", "{\"after\":" + cursor + "}"));
        }
        if (needStore) {
            replay();
            return;
        }
        while (!pending.isEmpty() && !response.writeQueueFull()) {
            SseChunk chunk = pending.poll();
            pendingItems -= chunk.size();
            if (chunk.lastId() <= cursor) {
                continue;
            }
            if (contiguous && chunk.firstIdAfter(cursor) != cursor + 1) {
                // An id went missing between us and the publisher: the store is the authority.
                pending.addFirst(chunk);
                pendingItems += chunk.size();
                needStore = true;
                break;
            }
            out.add(wire(chunk));
            cursor = chunk.lastId();
        }
        out.flush();
        if (needStore) {
            replay();
        }
    }

    private void replay() {
        if (closed || replaying || response.writeQueueFull()) {
            return;
        }
        replaying = true;
        long dropsAtStart = drops;
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
            SseChunk page = ar.result();
            int size = page == null ? 0 : page.size();
            int usable = page == null ? 0 : contiguous ? contiguousPrefix(page) : size;
            if (usable == 0 && size > 0) {
                // The next id is not stored yet, but later ones are: writes of one source can land
                // out of order for a moment. Wait for the hole to fill; only a hole that stays is a
                // sender that really skipped ids.
                long now = System.currentTimeMillis();
                holeSince = holeSince == 0 ? now : holeSince;
                if (now - holeSince < HOLE_WAIT_MS) {
                    vertx.setTimer(RETRY_MS, t -> pump());
                    return;
                }
                cursor = page.firstId() - 1;
                usable = contiguousPrefix(page);
            }
            holeSince = 0;
            if (usable > 0) {
                SseChunk sent = page.head(usable);
                response.write(wire(sent));
                cursor = Math.max(cursor, sent.lastId());
            }
            // A short page means the store had nothing more when it was read; a queue drop since
            // then means live items went missing after that, so only the store can fill them.
            needStore = size == PAGE || usable < size || drops != dropsAtStart;
            if (!needStore) {
                skipSeen();
                if (!needStore) {
                    behind = false;
                }
            }
            pump();
        });
    }

    /** The chunk's items above the cursor as this stream sends them. */
    private Buffer wire(SseChunk chunk) {
        return batched ? chunk.batchAfter(cursor) : chunk.framesAfter(cursor);
    }

    /** How many items of the page follow the cursor without a hole. */
    private int contiguousPrefix(SseChunk page) {
        int n = 0;
        while (n < page.size() && page.idAt(n) == cursor + 1 + n) {
            n++;
        }
        return n;
    }

    /** After a complete replay: drops what was sent; a live item beyond a hole sends us back to the store. */
    private void skipSeen() {
        while (!pending.isEmpty() && pending.peek().lastId() <= cursor) {
            pendingItems -= pending.poll().size();
        }
        if (contiguous && !pending.isEmpty() && pending.peek().firstIdAfter(cursor) != cursor + 1) {
            // Stored (it was published) but the ids before it were not there when we read: the
            // replay waits for them, or accepts the skip once it has lasted.
            needStore = true;
        }
    }
}
