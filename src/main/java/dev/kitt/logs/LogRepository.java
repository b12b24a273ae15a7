package dev.kitt.logs;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** SQL for the logs table. Inserting a (source, seq) that exists is success: redelivery is normal. */
public final class LogRepository {
    private final Database db;

    public LogRepository(Database db) {
        this.db = db;
    }

    public Future<Void> append(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = new ArrayList<>(lines.size());
        lines.forEach(l -> batch.add(Tuple.of(l.sourceId(), l.seq(), l.ts(), l.line())));
        return db.pool().preparedQuery(db.dialect().sql(
                        "INSERT INTO logs (source_id, seq, ts, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"))
                .executeBatch(batch).mapEmpty();
    }

    /** Lines after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Future<List<LogLine>> after(String sourceId, long afterSeq, int limit) {
        return db.query("SELECT seq, ts, line FROM logs WHERE source_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                sourceId, afterSeq, limit).map(rs -> {
                    List<LogLine> out = new ArrayList<>();
                    rs.forEach(r -> out.add(new LogLine(sourceId, r.getLong("seq"), r.getLong("ts"), r.getString("line"))));
                    return out;
                });
    }

    public Future<Long> lastSeq(String sourceId) {
        return db.query("SELECT MAX(seq) AS s FROM logs WHERE source_id = ?", sourceId).map(rs -> {
            Long s = rs.iterator().next().getLong("s");
            return s == null ? 0L : s;
        });
    }
}
