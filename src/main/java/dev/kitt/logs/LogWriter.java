package dev.kitt.logs;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit for log batches: one write at a time, and every batch that arrives while a write
 * is in flight joins the next one. Under load a write carries many batches for the cost of one;
 * when idle a batch is written at once, so latency is one write. Writes (and therefore the
 * {@code stored} callbacks, which publish) happen in arrival order, so live subscribers see each
 * source's lines in the order the store holds them. Used from one event loop only.
 */
final class LogWriter {
    /** Enough lines per write to amortise its round trip, few enough to keep one write short (one SQLite statement). */
    static final int MAX_LINES_PER_WRITE = LogRepository.ROWS_PER_INSERT;

    private record Pending(List<LogLine> lines, Promise<Void> done) {
    }

    private final LogRepository logs;
    private final Consumer<List<LogLine>> stored;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    /** @param stored called with each batch, in arrival order, once its write committed */
    LogWriter(LogRepository logs, Consumer<List<LogLine>> stored) {
        this.logs = logs;
        this.stored = stored;
    }

    Future<Void> write(List<LogLine> lines) {
        Promise<Void> done = Promise.promise();
        queue.add(new Pending(lines, done));
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
        List<LogLine> rows = new ArrayList<>();
        while (!queue.isEmpty() && (rows.isEmpty() || rows.size() + queue.peek().lines().size() <= MAX_LINES_PER_WRITE)) {
            Pending p = queue.poll();
            taken.add(p);
            rows.addAll(p.lines());
        }
        logs.append(rows).onComplete(ar -> {
            for (Pending p : taken) {
                if (ar.succeeded()) {
                    stored.accept(p.lines());
                    p.done().complete();
                } else {
                    p.done().fail(ar.cause());
                }
            }
            next();
        });
    }
}
