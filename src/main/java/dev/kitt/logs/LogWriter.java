package dev.kitt.logs;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit for log chunks: one write at a time, and every chunk that arrives while a write is
 * in flight joins the next one. Under load a write carries many chunks for the cost of one; when
 * idle a chunk is written at once, so latency is one write. Writes (and therefore the
 * {@code stored} callbacks, which publish) happen in arrival order, so live subscribers see each
 * source's lines in the order the store holds them. Used from one event loop only.
 */
final class LogWriter {
    /** Lines per write: enough to amortise its round trip, few enough to keep one write short. */
    static final int MAX_LINES_PER_WRITE = 100_000;

    private record Pending(LogChunk chunk, Promise<Void> done) {
    }

    private final LogRepository logs;
    private final Consumer<LogChunk> stored;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    /** @param stored called, in arrival order, with each part of a chunk that was not stored before, once its write committed */
    LogWriter(LogRepository logs, Consumer<LogChunk> stored) {
        this.logs = logs;
        this.stored = stored;
    }

    Future<Void> write(LogChunk chunk) {
        Promise<Void> done = Promise.promise();
        queue.add(new Pending(chunk, done));
        if (!writing) {
            next();
        }
        return done.future();
    }

    private void next() {
        if (queue.isEmpty()) {
            writing = false;
            return;
        }
        writing = true;
        List<Pending> taken = new ArrayList<>();
        List<LogChunk> chunks = new ArrayList<>();
        int lines = 0;
        while (!queue.isEmpty() && (taken.isEmpty() || (taken.size() < LogRepository.MAX_CHUNKS_PER_WRITE
                && lines + queue.peek().chunk().lines().size() <= MAX_LINES_PER_WRITE))) {
            Pending p = queue.poll();
            taken.add(p);
            chunks.add(p.chunk());
            lines += p.chunk().lines().size();
        }
        logs.append(chunks).onComplete(ar -> {
            if (ar.succeeded()) {
                ar.result().forEach(stored);
            }
            for (Pending p : taken) {
                if (ar.succeeded()) {
                    p.done().complete();
                } else {
                    p.done().fail(ar.cause());
                }
            }
            next();
        });
    }
}
