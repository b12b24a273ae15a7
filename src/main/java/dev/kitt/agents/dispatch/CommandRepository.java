package dev.kitt.agents.dispatch;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The commands outbox. Every transition is a conditional UPDATE on the current state, so a
 * repeated or late frame (a second ack, a status after a timeout) changes nothing.
 */
public final class CommandRepository {
    static final String FINAL = "('succeeded', 'failed', 'cancelled', 'timed_out')";
    private static final String COLUMNS = "id, agent_id, type, payload, state, deadline, attempts, created_at, "
            + "updated_at, sent_at, acked_at, finished_at, error, result";

    private final Database db;

    public CommandRepository(Database db) {
        this.db = db;
    }

    public Future<JsonObject> insert(String agentId, String type, JsonObject payload, Long deadline) {
        return insert(UUID.randomUUID().toString(), agentId, type, payload, deadline);
    }

    /** With an id the submitter chose (so it can record the id before submitting, and ask about it after a crash). */
    public Future<JsonObject> insert(String id, String agentId, String type, JsonObject payload, Long deadline) {
        long now = System.currentTimeMillis();
        return db.query("INSERT INTO commands (id, agent_id, type, payload, state, deadline, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)", id, agentId, type, payload.encode(), deadline, now, now)
                .compose(r -> get(id));
    }

    public Future<JsonObject> get(String id) {
        return db.query("SELECT " + COLUMNS + " FROM commands WHERE id = ?", id)
                .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
    }

    public Future<JsonArray> ofAgent(String agentId, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM commands WHERE agent_id = ? ORDER BY created_at DESC LIMIT ?",
                agentId, limit).map(CommandRepository::toArray);
    }

    /** Commands the agent has not acked yet, oldest first: re-sent on every (re)connect. */
    public Future<List<JsonObject>> unacked(String agentId) {
        return db.query("SELECT " + COLUMNS + " FROM commands WHERE agent_id = ? AND state IN ('queued', 'sent') "
                + "ORDER BY created_at", agentId).map(rows -> toArray(rows).stream().map(o -> (JsonObject) o).toList());
    }

    public Future<List<JsonObject>> unfinishedOfTestAgents() {
        return db.query("SELECT c.id FROM commands c JOIN agents a ON a.id = c.agent_id WHERE a.is_test = 1 "
                        + "AND c.state NOT IN " + FINAL + " ORDER BY c.created_at")
                .compose(rows -> {
                    List<Future<JsonObject>> all = new ArrayList<>();
                    rows.forEach(r -> all.add(get(r.getString(0))));
                    return Future.all(all).map(cf -> cf.<JsonObject>list());
                });
    }

    public Future<List<String>> overdue(long now) {
        return db.query("SELECT id FROM commands WHERE deadline IS NOT NULL AND deadline < ? AND state NOT IN " + FINAL, now)
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString(0)));
                    return ids;
                });
    }

    /** Moves a command to {@code state} when it is in one of {@code from}; true when it moved. */
    public Future<Boolean> transition(String id, String agentId, String state, String fromStates, String error) {
        long now = System.currentTimeMillis();
        String stamp = switch (state) {
            case "sent" -> ", sent_at = ?, attempts = attempts + 1";
            case "acked" -> ", acked_at = ?";
            case "running" -> ", acked_at = COALESCE(acked_at, ?)";
            default -> ", finished_at = ?";
        };
        String sql = "UPDATE commands SET state = ?, updated_at = ?, error = COALESCE(?, error)" + stamp
                + " WHERE id = ? AND state IN " + fromStates + (agentId == null ? "" : " AND agent_id = ?");
        Object[] params = agentId == null ? new Object[]{state, now, error, now, id}
                : new Object[]{state, now, error, now, id, agentId};
        return db.query(sql, params).map(r -> r.rowCount() > 0);
    }

    public Future<Void> storeResult(String id, JsonObject result) {
        return db.query("UPDATE commands SET result = ?, updated_at = ? WHERE id = ?", result.encode(),
                System.currentTimeMillis(), id).mapEmpty();
    }

    public Future<Boolean> belongsTo(String id, String agentId) {
        return db.query("SELECT 1 FROM commands WHERE id = ? AND agent_id = ?", id, agentId).map(r -> r.size() > 0);
    }

    private static JsonArray toArray(Iterable<Row> rows) {
        JsonArray out = new JsonArray();
        rows.forEach(r -> out.add(toJson(r)));
        return out;
    }

    static JsonObject toJson(Row r) {
        return new JsonObject().put("id", r.getString("id")).put("agent_id", r.getString("agent_id"))
                .put("type", r.getString("type")).put("payload", new JsonObject(r.getString("payload")))
                .put("state", r.getString("state")).put("deadline", r.getLong("deadline"))
                .put("attempts", r.getInteger("attempts")).put("created_at", r.getLong("created_at"))
                .put("updated_at", r.getLong("updated_at")).put("sent_at", r.getLong("sent_at"))
                .put("acked_at", r.getLong("acked_at")).put("finished_at", r.getLong("finished_at"))
                .put("error", r.getString("error"))
                .put("result", r.getString("result") == null ? null : new JsonObject(r.getString("result")));
    }
}
