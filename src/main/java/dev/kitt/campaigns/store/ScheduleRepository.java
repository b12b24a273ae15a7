package dev.kitt.campaigns.store;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * campaign_schedules: a campaign definition, its cron expression, when it fires next, and how its
 * last firing went (last_fired_at with last_campaign_id, or last_error when it could not start one).
 */
public final class ScheduleRepository {
    private final Database db;

    public ScheduleRepository(Database db) {
        this.db = db;
    }

    public Future<JsonObject> insert(String id, String name, JsonObject definition, String cron, long nextFireAt,
                                     long now) {
        return db.query("INSERT INTO campaign_schedules (id, name, definition, cron, next_fire_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", id, name, definition.encode(), cron, nextFireAt, now)
                .compose(v -> get(id));
    }

    public Future<JsonObject> get(String id) {
        return db.query("SELECT * FROM campaign_schedules WHERE id = ?", id)
                .map(rs -> rs.size() == 0 ? null : toJson(rs.iterator().next()));
    }

    public Future<List<JsonObject>> list() {
        return select("SELECT * FROM campaign_schedules ORDER BY created_at, id");
    }

    public Future<List<JsonObject>> due(long now) {
        return select("SELECT * FROM campaign_schedules WHERE next_fire_at <= ? ORDER BY next_fire_at, id", now);
    }

    /**
     * Moves a schedule on at a firing, clearing the previous firing's outcome; false when another
     * firing already moved it (or it was removed).
     */
    public Future<Boolean> advance(String id, long firedFor, long next, long now) {
        return db.query("UPDATE campaign_schedules SET next_fire_at = ?, last_fired_at = ?, last_campaign_id = NULL, "
                        + "last_error = NULL WHERE id = ? AND next_fire_at = ?", next, now, id, firedFor)
                .map(rs -> rs.rowCount() == 1);
    }

    public Future<Void> firedCampaign(String id, String campaignId) {
        return db.query("UPDATE campaign_schedules SET last_campaign_id = ? WHERE id = ?", campaignId, id).mapEmpty();
    }

    /** The last firing could not create or launch its campaign: why, for `schedule list` and the API. */
    public Future<Void> fireFailed(String id, String error) {
        return db.query("UPDATE campaign_schedules SET last_error = ? WHERE id = ?", error, id).mapEmpty();
    }

    public Future<Boolean> delete(String id) {
        return db.query("DELETE FROM campaign_schedules WHERE id = ?", id).map(rs -> rs.rowCount() == 1);
    }

    private Future<List<JsonObject>> select(String sql, Object... params) {
        return db.query(sql, params).map(rs -> {
            List<JsonObject> out = new ArrayList<>();
            rs.forEach(r -> out.add(toJson(r)));
            return out;
        });
    }

    private static JsonObject toJson(Row r) {
        return new JsonObject().put("id", r.getString("id")).put("name", r.getString("name"))
                .put("definition", new JsonObject(r.getString("definition"))).put("cron", r.getString("cron"))
                .put("next_fire_at", r.getLong("next_fire_at")).put("last_fired_at", r.getLong("last_fired_at"))
                .put("last_campaign_id", r.getString("last_campaign_id")).put("last_error", r.getString("last_error"))
                .put("created_at", r.getLong("created_at"));
    }
}
