package dev.kitt.logs.sse;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;
import java.util.List;

/**
 * Stored items with ascending ids, encoded once as SSE frames in one buffer. A live batch is
 * encoded once and the same buffer (or a slice of it, for a subscriber that already has its
 * first items) is written to every subscriber: fan-out costs a write, not an encoding.
 * The same items can also go out as one batched event ({@link #batchAfter}), assembled from the
 * items' data bytes, never encoded again.
 */
public final class SseChunk {
    /** The event name of a batch: its id is the last item's, its data a JSON array of the items' data. */
    public static final String BATCH_EVENT = "lines";

    private final long[] ids;
    private final int[] starts;
    /** Where each item's data begins in its frame, or -1 when the data spans lines (it cannot be batched). */
    private final int[] dataStarts;
    private final Buffer frames;
    /** The whole chunk as one batch, built on first use and then shared like {@link #frames}. */
    private Buffer batch;

    private SseChunk(long[] ids, int[] starts, int[] dataStarts, Buffer frames) {
        this.ids = ids;
        this.starts = starts;
        this.dataStarts = dataStarts;
        this.frames = frames;
    }

    /** Encodes the items, which must be non-empty and in ascending id order. */
    public static SseChunk of(List<SseItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an SSE chunk needs at least one item");
        }
        long[] ids = new long[items.size()];
        int[] starts = new int[items.size()];
        int[] dataStarts = new int[items.size()];
        Buffer frames = Buffer.buffer(items.size() * 96);
        for (int i = 0; i < ids.length; i++) {
            SseItem item = items.get(i);
            if (i > 0 && item.id() <= ids[i - 1]) {
                throw new IllegalArgumentException("SSE chunk ids must ascend: " + item.id() + " after " + ids[i - 1]);
            }
            ids[i] = item.id();
            starts[i] = frames.length();
            String frame = SseFrames.frame(item.id(), item.event(), item.data());
            // The frame is an ASCII head ("id: ..", "event: ..", "data: "), the data, then "\n\n".
            dataStarts[i] = item.data().indexOf('\n') < 0 ? starts[i] + frame.length() - item.data().length() - 2 : -1;
            frames.appendString(frame);
        }
        return new SseChunk(ids, starts, dataStarts, frames);
    }

    /**
     * The items above the cursor, at most {@code limit}, of chunks in ascending id order, as one
     * chunk: their frames are copied as bytes, never encoded again. Null when there are none.
     */
    public static SseChunk join(Iterable<SseChunk> chunks, long cursor, int limit) {
        long[] ids = new long[limit];
        int[] starts = new int[limit];
        int[] dataStarts = new int[limit];
        Buffer frames = null;
        int n = 0;
        for (SseChunk c : chunks) {
            // After the last id taken so far: overlapping batches must not give an item twice.
            int from = c.indexAfter(n == 0 ? cursor : ids[n - 1]);
            int to = Math.min(c.ids.length, from + limit - n);
            if (from >= to) {
                continue;
            }
            int base = frames == null ? 0 : frames.length();
            int byteFrom = c.starts[from];
            for (int i = from; i < to; i++) {
                ids[n] = c.ids[i];
                dataStarts[n] = c.dataStarts[i] < 0 ? -1 : base + c.dataStarts[i] - byteFrom;
                starts[n++] = base + c.starts[i] - byteFrom;
            }
            Buffer part = c.frames.slice(byteFrom, c.end(to));
            frames = frames == null ? Buffer.buffer(part.length() * 2).appendBuffer(part) : frames.appendBuffer(part);
            if (n == limit) {
                break;
            }
        }
        return n == 0 ? null : new SseChunk(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n), Arrays.copyOf(dataStarts, n), frames);
    }

    /** The first {@code n} items (1 to size). */
    public SseChunk head(int n) {
        return n == ids.length ? this : new SseChunk(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n),
                Arrays.copyOf(dataStarts, n), frames.slice(0, starts[n]));
    }

    public long idAt(int i) {
        return ids[i];
    }

    private int end(int index) {
        return index < ids.length ? starts[index] : frames.length();
    }

    public long firstId() {
        return ids[0];
    }

    public long lastId() {
        return ids[ids.length - 1];
    }

    public int size() {
        return ids.length;
    }

    /** How many items have an id above the cursor. */
    public int countAfter(long cursor) {
        return ids.length - indexAfter(cursor);
    }

    /** The first id above the cursor, or -1 when the chunk holds none. */
    public long firstIdAfter(long cursor) {
        int i = indexAfter(cursor);
        return i < ids.length ? ids[i] : -1;
    }

    /** The frames of the items with an id above the cursor: the shared buffer itself when that is all of them. */
    public Buffer framesAfter(long cursor) {
        int i = indexAfter(cursor);
        if (i == 0) {
            return frames;
        }
        return i == ids.length ? Buffer.buffer() : frames.slice(starts[i], frames.length());
    }

    /**
     * The items with an id above the cursor as one {@link #BATCH_EVENT} event (empty when there
     * are none): the shared batch itself when that is all of them.
     */
    public Buffer batchAfter(long cursor) {
        int i = indexAfter(cursor);
        if (i == ids.length) {
            return Buffer.buffer();
        }
        if (i > 0) {
            return batch(i);
        }
        if (batch == null) {
            batch = batch(0);
        }
        return batch;
    }

    private Buffer batch(int from) {
        Buffer out = Buffer.buffer(frames.length() - starts[from] + 48)
                .appendString("id: " + lastId() + "\nevent: " + BATCH_EVENT + "\ndata: [");
        for (int i = from; i < ids.length; i++) {
            if (dataStarts[i] < 0) {
                throw new IllegalStateException("item " + ids[i] + " has data on several lines: it cannot be batched");
            }
            if (i > from) {
                out.appendByte((byte) ',');
            }
            out.appendBuffer(frames, dataStarts[i], end(i + 1) - 2 - dataStarts[i]);
        }
        return out.appendString("]\n\n");
    }

    private int indexAfter(long cursor) {
        if (cursor < ids[0]) {
            return 0;
        }
        int lo = 0;
        int hi = ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[mid] <= cursor) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
