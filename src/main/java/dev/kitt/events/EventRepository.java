package dev.kitt.events;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** SQL for the events table. */
public final class EventRepository {
    private final Database db;

    public EventRepository(Database db) {
        this.db = db;
    }

    /** Stores an event and returns it with the sequence number the store assigned. */
    public Future<DomainEvent> insert(String type, String sourceId, long at, JsonObject body) {
        return db.query("INSERT INTO events (type, source_id, at, body) VALUES (?, ?, ?, ?) RETURNING seq",
                        type, sourceId, at, body.encode())
                .map(rs -> new DomainEvent(rs.iterator().next().getLong("seq"), type, sourceId, at, body));
    }

    /** Events after {@code afterSeq}, oldest first; {@code sourceId} null means every source. */
    public Future<List<DomainEvent>> after(long afterSeq, String sourceId, int limit) {
        Future<io.vertx.sqlclient.RowSet<Row>> rows = sourceId == null
                ? db.query("SELECT seq, type, source_id, at, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                afterSeq, limit)
                : db.query("SELECT seq, type, source_id, at, body FROM events WHERE seq > ? AND source_id = ? "
                + "ORDER BY seq LIMIT ?", afterSeq, sourceId, limit);
        return rows.map(rs -> {
            List<DomainEvent> out = new ArrayList<>();
            rs.forEach(r -> out.add(new DomainEvent(r.getLong("seq"), r.getString("type"), r.getString("source_id"),
                    r.getLong("at"), new JsonObject(r.getString("body")))));
            return out;
        });
    }
}
