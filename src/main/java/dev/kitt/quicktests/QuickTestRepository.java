package dev.kitt.quicktests;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;

/**
 * The quick_tests table. Status: queued → dispatched → running → completed | failed | cancelled;
 * every move is conditional on the status it leaves, so a finished test never changes again.
 */
public final class QuickTestRepository {
    public static final List<String> STATUSES = List.of("queued", "dispatched", "running", "completed", "failed",
            "cancelled");
    private static final String OPEN = "('queued','dispatched','running')";

    private final Database db;

    public QuickTestRepository(Database db) {
        this.db = db;
    }

    public Future<Void> insert(String id, JsonObject t, long now) {
        return db.query("INSERT INTO quick_tests (id, agent_id, model, engine, suite, benchmark, profile, mode, endpoint, "
                        + "timeout_s, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)", id,
                t.getString("agent_id"), t.getString("model"), t.getString("engine"), t.getString("suite"),
                t.getString("benchmark"), t.getString("profile"), t.getString("mode"), t.getString("endpoint"),
                t.getLong("timeout_s"), now, now)
                .mapEmpty();
    }

    public Future<JsonObject> get(String id) {
        return db.query("SELECT * FROM quick_tests WHERE id = ?", id)
                .map(rs -> rs.size() == 0 ? null : toJson(rs.iterator().next()));
    }

    public Future<JsonObject> byCommand(String commandId) {
        return db.query("SELECT * FROM quick_tests WHERE command_id = ?", commandId)
                .map(rs -> rs.size() == 0 ? null : toJson(rs.iterator().next()));
    }

    public Future<JsonObject> list(String status, String agentId, int page, int perPage) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        JsonArray params = new JsonArray();
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        if (agentId != null) {
            where.append(" AND agent_id = ?");
            params.add(agentId);
        }
        return db.query("SELECT COUNT(*) AS n FROM quick_tests" + where, params.getList().toArray()).compose(count -> {
            JsonArray p = params.copy().add(perPage).add((long) (page - 1) * perPage);
            return db.query("SELECT * FROM quick_tests" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                    p.getList().toArray()).map(rs -> {
                        JsonArray items = new JsonArray();
                        rs.forEach(r -> items.add(toJson(r)));
                        return new JsonObject().put("items", items).put("total", count.iterator().next().getLong("n"))
                                .put("page", page).put("per_page", perPage);
                    });
        });
    }

    public Future<Boolean> dispatched(String id, String commandId, long now) {
        return update("UPDATE quick_tests SET status = 'dispatched', command_id = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'queued'", commandId, now, id);
    }

    public Future<Boolean> running(String id, long now) {
        return update("UPDATE quick_tests SET status = 'running', started_at = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('queued','dispatched')", now, now, id);
    }

    public Future<Boolean> finish(String id, String status, String resultId, String error, long now) {
        return update("UPDATE quick_tests SET status = ?, result_id = ?, error = ?, finished_at = ?, updated_at = ? "
                + "WHERE id = ? AND status IN " + OPEN, status, resultId, error, now, now, id);
    }

    private Future<Boolean> update(String sql, Object... params) {
        return db.query(sql, params).map(rs -> rs.rowCount() == 1);
    }

    static JsonObject toJson(Row r) {
        return new JsonObject().put("id", r.getString("id")).put("agent_id", r.getString("agent_id"))
                .put("model", r.getString("model")).put("engine", r.getString("engine"))
                .put("suite", r.getString("suite")).put("benchmark", r.getString("benchmark"))
                .put("profile", r.getString("profile")).put("mode", r.getString("mode"))
                .put("endpoint", r.getString("endpoint"))
                .put("timeout_s", r.getLong("timeout_s"))
                .put("status", r.getString("status")).put("command_id", r.getString("command_id"))
                .put("result_id", r.getString("result_id")).put("error", r.getString("error"))
                .put("created_at", r.getLong("created_at")).put("updated_at", r.getLong("updated_at"))
                .put("started_at", r.getLong("started_at")).put("finished_at", r.getLong("finished_at"));
    }
}
