package dev.kitt.logs;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * SQL for the log store, which keeps lines in chunks ({@link LogChunk}, one row each, see the
 * V80 migration). A (source, seq) is stored once: redelivery is normal, so the lines of a chunk
 * that are already stored are dropped and the rest stored, whatever the boundaries of the chunks
 * that hold them.
 */
public final class LogRepository {
    /** The most lines one row holds, so the chunk holding a given seq starts at most this far before it. */
    static final int MAX_CHUNK_LINES = 10_000;
    /** Chunks a write should hold: 4 parameters each in the overlap query, 5 in the insert, well inside SQLite's 32,766. */
    static final int MAX_CHUNKS_PER_WRITE = 1_000;
    /** Rows per replay query before the page's own chunk sizes say how many more it needs. */
    private static final int FIRST_READ_ROWS = 32;

    private final Database db;

    public LogRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores the chunks (in one statement up to {@link #MAX_CHUNKS_PER_WRITE} rows) and answers
     * the parts that were not stored before, in the given order: the lines to publish.
     */
    public Future<List<LogChunk>> append(List<LogChunk> chunks) {
        List<LogChunk> split = new ArrayList<>();
        for (LogChunk c : chunks) {
            for (long from = c.firstSeq(); from <= c.lastSeq(); from += MAX_CHUNK_LINES) {
                split.add(c.slice(from, Math.min(c.lastSeq(), from + MAX_CHUNK_LINES - 1)));
            }
        }
        if (split.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return stored(split).compose(covered -> {
            List<LogChunk> fresh = uncovered(split, covered);
            return insert(fresh).map(fresh);
        });
    }

    /** The stored ranges (first → last seq, per source) that overlap any of the chunks. */
    private Future<Map<String, NavigableMap<Long, Long>>> stored(List<LogChunk> chunks) {
        StringBuilder sql = new StringBuilder("SELECT source_id, first_seq, last_seq FROM log_chunks WHERE ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            LogChunk c = chunks.get(i);
            sql.append(i == 0 ? "" : " OR ").append("(source_id = ? AND first_seq > ? AND first_seq <= ? AND last_seq >= ?)");
            args.add(c.sourceId());
            args.add(c.firstSeq() - MAX_CHUNK_LINES);
            args.add(c.lastSeq());
            args.add(c.firstSeq());
        }
        return db.query(sql.toString(), args.toArray()).map(rs -> {
            Map<String, NavigableMap<Long, Long>> covered = new HashMap<>();
            for (Row r : rs) {
                covered.computeIfAbsent(r.getString("source_id"), s -> new TreeMap<>())
                        .put(r.getLong("first_seq"), r.getLong("last_seq"));
            }
            return covered;
        });
    }

    /** The parts of the chunks outside the covered ranges, which grow with each part taken. */
    private static List<LogChunk> uncovered(List<LogChunk> chunks, Map<String, NavigableMap<Long, Long>> covered) {
        List<LogChunk> fresh = new ArrayList<>();
        for (LogChunk c : chunks) {
            NavigableMap<Long, Long> ranges = covered.computeIfAbsent(c.sourceId(), s -> new TreeMap<>());
            List<LogChunk> parts = new ArrayList<>();
            long next = c.firstSeq();
            // From the range that may cover the first line, through those starting inside the chunk.
            Long from = ranges.floorKey(next);
            for (Map.Entry<Long, Long> r : ranges.tailMap(from == null ? next : from, true).entrySet()) {
                if (r.getKey() > c.lastSeq()) {
                    break;
                }
                if (r.getKey() > next) {
                    parts.add(c.slice(next, r.getKey() - 1));
                }
                next = Math.max(next, r.getValue() + 1);
            }
            if (next <= c.lastSeq()) {
                parts.add(c.slice(next, c.lastSeq()));
            }
            parts.forEach(part -> ranges.put(part.firstSeq(), part.lastSeq()));
            fresh.addAll(parts);
        }
        return fresh;
    }

    private Future<Void> insert(List<LogChunk> chunks) {
        if (chunks.isEmpty()) {
            return Future.succeededFuture();
        }
        if (chunks.size() > MAX_CHUNKS_PER_WRITE) {
            // A failure after the first part is harmless: the sender retries and what is stored is skipped.
            return insert(chunks.subList(0, MAX_CHUNKS_PER_WRITE))
                    .compose(v -> insert(chunks.subList(MAX_CHUNKS_PER_WRITE, chunks.size())));
        }
        StringBuilder sql = new StringBuilder("INSERT INTO log_chunks (source_id, first_seq, last_seq, ts, lines) VALUES ");
        List<Object> args = new ArrayList<>(chunks.size() * 5);
        for (int i = 0; i < chunks.size(); i++) {
            LogChunk c = chunks.get(i);
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            args.add(c.sourceId());
            args.add(c.firstSeq());
            args.add(c.lastSeq());
            args.add(c.ts());
            args.add(c.linesJson());
        }
        // A node that stored the same chunk a moment ago (a redelivery racing a failover) is not an error.
        sql.append(" ON CONFLICT DO NOTHING");
        return db.query(sql.toString(), args.toArray()).mapEmpty();
    }

    /** Lines after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Future<List<LogLine>> after(String sourceId, long afterSeq, int limit) {
        List<LogLine> out = new ArrayList<>();
        return fill(sourceId, afterSeq, limit, Math.min(limit, FIRST_READ_ROWS), out).map(out);
    }

    private Future<Void> fill(String sourceId, long cursor, int limit, int rows, List<LogLine> out) {
        return db.query("SELECT first_seq, ts, lines FROM log_chunks WHERE source_id = ? AND first_seq > ? "
                        + "AND last_seq > ? ORDER BY first_seq LIMIT ?",
                sourceId, cursor - MAX_CHUNK_LINES, cursor, rows).compose(rs -> {
                    long next = cursor;
                    int read = 0;
                    int before = out.size();
                    for (Row r : rs) {
                        read++;
                        for (LogLine l : LogChunk.fromStore(sourceId, r.getLong("first_seq"), r.getLong("ts"),
                                r.getString("lines")).toLines()) {
                            if (l.seq() > next && out.size() < limit) {
                                out.add(l);
                                next = l.seq();
                            }
                        }
                    }
                    if (out.size() >= limit || read < rows) {
                        return Future.succeededFuture();
                    }
                    // Size the next read by the lines per row this one found.
                    int perRow = Math.max(1, (out.size() - before) / read);
                    int more = (int) Math.min(MAX_CHUNKS_PER_WRITE, (limit - out.size()) / perRow + 1);
                    return fill(sourceId, next, limit, more, out);
                });
    }

    public Future<Long> lastSeq(String sourceId) {
        return db.query("SELECT last_seq FROM log_chunks WHERE source_id = ? ORDER BY first_seq DESC LIMIT 1", sourceId)
                .map(rs -> rs.iterator().hasNext() ? rs.iterator().next().getLong("last_seq") : 0L);
    }
}
