package dev.kitt.logs;

import dev.kitt.store.Database;
import dev.kitt.store.Dialect;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** SQL for the logs table. Inserting a (source, seq) that exists is success: redelivery is normal. */
public final class LogRepository {
    /** Rows per SQLite statement: 32,000 parameters, inside SQLite's limit of 32,766. */
    static final int ROWS_PER_INSERT = 8_000;

    private final Database db;

    public LogRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores the lines in one statement (PostgreSQL: arrays unnested server-side; SQLite: a
     * multi-row insert, or a transaction of them beyond {@link #ROWS_PER_INSERT} rows): a row-at-a-time batch costs a round trip or a
     * commit per line, which capped ingest near 20,000 lines/s.
     */
    public Future<Void> append(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return Future.succeededFuture();
        }
        if (db.dialect() == Dialect.POSTGRES) {
            int n = lines.size();
            String[] sources = new String[n];
            Long[] seqs = new Long[n];
            Long[] stamps = new Long[n];
            String[] texts = new String[n];
            for (int i = 0; i < n; i++) {
                LogLine l = lines.get(i);
                sources[i] = l.sourceId();
                seqs[i] = l.seq();
                stamps[i] = l.ts();
                texts[i] = l.line();
            }
            return db.query("INSERT INTO logs (source_id, seq, ts, line) "
                            + "SELECT * FROM UNNEST($1::text[], $2::bigint[], $3::bigint[], $4::text[]) ON CONFLICT DO NOTHING",
                    sources, seqs, stamps, texts).mapEmpty();
        }
        if (lines.size() <= ROWS_PER_INSERT) {
            // One statement is atomic on its own: no BEGIN/COMMIT round trips through the worker.
            return db.withConnection(conn -> insertRows(conn, lines, 0));
        }
        return db.inTransaction(conn -> insertRows(conn, lines, 0));
    }

    private Future<Void> insertRows(SqlConnection conn, List<LogLine> lines, int from) {
        if (from >= lines.size()) {
            return Future.succeededFuture();
        }
        int to = Math.min(lines.size(), from + ROWS_PER_INSERT);
        StringBuilder sql = new StringBuilder("INSERT INTO logs (source_id, seq, ts, line) VALUES ");
        Tuple args = Tuple.tuple();
        for (int i = from; i < to; i++) {
            LogLine l = lines.get(i);
            sql.append(i == from ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
            args.addString(l.sourceId()).addLong(l.seq()).addLong(l.ts()).addString(l.line());
        }
        sql.append(" ON CONFLICT DO NOTHING");
        return conn.preparedQuery(sql.toString()).execute(args).compose(rs -> insertRows(conn, lines, to));
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
