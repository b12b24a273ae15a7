package dev.kitt.campaigns.store;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The campaigns table. Status changes are conditional updates (WHERE status IN ...), so two
 * requests racing to launch or edit the same campaign cannot both win.
 */
public final class CampaignRepository {
    public static final List<String> STATUSES = List.of("draft", "running", "completed", "failed", "cancelled");

    private final Database db;

    public CampaignRepository(Database db) {
        this.db = db;
    }

    public Future<Void> insert(SqlClient conn, String id, String name, JsonObject definition, String schedule, long now) {
        return db.query(conn, "INSERT INTO campaigns (id, name, status, definition, schedule, created_at, updated_at, "
                        + "log_seq) VALUES (?, ?, 'draft', ?, ?, ?, ?, 1)", id, name, definition.encode(), schedule, now, now)
                .mapEmpty();
    }

    public Future<JsonObject> get(String id) {
        return db.query("SELECT * FROM campaigns WHERE id = ?", id)
                .map(rs -> rs.size() == 0 ? null : toJson(rs.iterator().next()));
    }

    public Future<JsonObject> list(String status, int page, int perPage) {
        String where = status == null ? "" : " WHERE status = ?";
        Object[] args = status == null ? new Object[0] : new Object[]{status};
        return db.query("SELECT COUNT(*) AS n FROM campaigns" + where, args).compose(count -> {
            List<Object> params = new ArrayList<>(List.of(args));
            params.add(perPage);
            params.add((long) (page - 1) * perPage);
            return db.query("SELECT * FROM campaigns" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                    params.toArray()).map(rs -> {
                        JsonArray items = new JsonArray();
                        rs.forEach(r -> items.add(toJson(r)));
                        return new JsonObject().put("items", items)
                                .put("total", count.iterator().next().getLong("n"))
                                .put("page", page).put("per_page", perPage);
                    });
        });
    }

    /** Replaces the definition of a draft; false when the campaign is not (or no longer) a draft. */
    public Future<Boolean> updateDraft(SqlClient conn, String id, String name, JsonObject definition, String schedule,
                                       long now) {
        return db.query(conn, "UPDATE campaigns SET name = ?, definition = ?, schedule = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'draft'", name, definition.encode(), schedule, now, id)
                .map(rs -> rs.rowCount() == 1);
    }

    public Future<Boolean> transition(String id, List<String> from, String to, long now) {
        return transition(db.pool(), id, from, to, now);
    }

    /** Moves a campaign from one of {@code from} to {@code to}; false when it was in another status. */
    public Future<Boolean> transition(SqlClient conn, String id, List<String> from, String to, long now) {
        String in = String.join(",", from.stream().map(s -> "'" + s + "'").toList());
        String extra = "running".equals(to) ? ", launched_at = ?, finished_at = NULL"
                : ("draft".equals(to) ? ", finished_at = NULL" : ", finished_at = ?");
        boolean withTime = !"draft".equals(to);
        Object[] params = withTime ? new Object[]{to, now, now, id} : new Object[]{to, now, id};
        return db.query(conn, "UPDATE campaigns SET status = ?, updated_at = ?" + extra
                        + " WHERE id = ? AND status IN (" + in + ")", params)
                .map(rs -> rs.rowCount() == 1);
    }

    public Future<Boolean> delete(String id) {
        return db.query("DELETE FROM campaigns WHERE id = ? AND status <> 'running'", id).map(rs -> rs.rowCount() == 1);
    }

    public Future<List<String>> idsWithStatus(String status) {
        return db.query("SELECT id FROM campaigns WHERE status = ? ORDER BY launched_at, id", status).map(rs -> {
            List<String> out = new ArrayList<>();
            rs.forEach(r -> out.add(r.getString("id")));
            return out;
        });
    }

    /** The sequence number the campaign's next log line gets, kept so a restart continues it. */
    public Future<Long> logSeq(String id) {
        return db.query("SELECT log_seq FROM campaigns WHERE id = ?", id)
                .map(rs -> rs.size() == 0 ? 1L : rs.iterator().next().getLong("log_seq"));
    }

    public Future<Void> saveLogSeq(String id, long next) {
        return db.query("UPDATE campaigns SET log_seq = ? WHERE id = ? AND log_seq < ?", next, id, next).mapEmpty();
    }

    static JsonObject toJson(Row r) {
        return new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"))
                .put("status", r.getString("status"))
                .put("definition", new JsonObject(r.getString("definition")))
                .put("schedule", r.getString("schedule"))
                .put("created_at", r.getLong("created_at")).put("updated_at", r.getLong("updated_at"))
                .put("launched_at", r.getLong("launched_at")).put("finished_at", r.getLong("finished_at"));
    }
}
