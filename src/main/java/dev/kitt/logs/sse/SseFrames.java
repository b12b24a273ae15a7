package dev.kitt.logs.sse;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The SSE wire side of one stream: encodes frames and coalesces the chunks one pump sends into few
 * socket writes. The common case, one chunk per pump, writes the buffer every subscriber shares
 * untouched; only a second chunk costs a copy.
 */
final class SseFrames {
    static final int FLUSH_BYTES = 64 * 1024;

    private final HttpServerResponse response;
    private Buffer out;
    private boolean shared;

    SseFrames(HttpServerResponse response) {
        this.response = response;
    }

    /** Queues frames for the next {@link #flush}; writes at once past {@link #FLUSH_BYTES}. */
    void add(Buffer frames) {
        if (out == null) {
            out = frames;
            shared = true;
        } else {
            if (shared) {
                out = Buffer.buffer(out.length() * 4).appendBuffer(out);
                shared = false;
            }
            out.appendBuffer(frames);
        }
        if (out.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    void flush() {
        if (out != null) {
            response.write(out);
            out = null;
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
        if (data.indexOf('\n') < 0) {
            // Encoded JSON never holds a raw newline: the common case needs no split.
            sb.append("data: ").append(data).append('\n');
        } else {
            for (String line : data.split("\n", -1)) {
                sb.append("data: ").append(line).append('\n');
            }
        }
        return sb.append('\n').toString();
    }
}
