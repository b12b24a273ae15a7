package dev.kitt.cli.campaign;

import dev.kitt.cli.Await;
import dev.kitt.engines.LogSink;
import dev.kitt.logs.LogChunk;
import dev.kitt.logs.LogRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * The log of one run of a local campaign, kept in the local store under the run's log source (as
 * a server keeps an agent's), so `kitt campaign logs` shows it afterwards. Lines arrive on event
 * loops and are only collected there; {@link #flush()} writes them from the CLI's own thread.
 */
final class LocalRunLog implements LogSink {
    private final LogRepository logs;
    private final String sourceId;
    private final List<String> pending = new ArrayList<>();
    private long nextSeq = 1;

    LocalRunLog(LogRepository logs, String sourceId) {
        this.logs = logs;
        this.sourceId = sourceId;
    }

    @Override
    public synchronized void line(String source, String line) {
        pending.add(source == null || source.isBlank() ? line : "[" + source + "] " + line);
    }

    /** Stores what was collected since the last flush, numbered on from it. */
    void flush() {
        List<String> lines;
        synchronized (this) {
            lines = List.copyOf(pending);
            pending.clear();
        }
        if (lines.isEmpty()) {
            return;
        }
        Await.result(logs.append(List.of(new LogChunk(sourceId, nextSeq, System.currentTimeMillis(), lines))));
        nextSeq += lines.size();
    }
}
