package dev.kitt.engines.client;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines, keeping partial lines across reads. Decodes only whole lines,
 * so a UTF-8 character split between two reads is never mangled.
 */
final class LineSplitter {
    interface LineHandler {
        void line(String line, long nanos);
    }

    private final LineHandler handler;
    private Buffer pending = Buffer.buffer();

    LineSplitter(LineHandler handler) {
        this.handler = handler;
    }

    /** Feeds one read; every complete line gets the read's arrival time. */
    void feed(Buffer chunk, long nanos) {
        Buffer data = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        int start = 0;
        int len = data.length();
        for (int i = 0; i < len; i++) {
            if (data.getByte(i) == '\n') {
                int end = i > start && data.getByte(i - 1) == '\r' ? i - 1 : i;
                handler.line(data.getString(start, end, StandardCharsets.UTF_8.name()), nanos);
                start = i + 1;
            }
        }
        pending = start == len ? Buffer.buffer() : data.getBuffer(start, len);
    }

    /** What is left after the stream ended without a final newline. */
    String rest() {
        return pending.toString(StandardCharsets.UTF_8);
    }
}
