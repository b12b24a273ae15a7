package dev.kitt.campaigns.store;

import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.plan.PlannedRun;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * campaign_runs: one row per planned run. Status: pending → submitting (claimed by an agent, no
 * command yet) → dispatched (command id stored) → running → succeeded | failed | cancelled; or
 * skipped from the start. Every transition is conditional on the current status, so a late or
 * repeated command update can never record a result twice.
 */
public final class RunRepository {
    public static final List<String> ACTIVE = List.of("submitting", "dispatched", "running");
    static final String ACTIVE_SQL = "('submitting','dispatched','running')";

    private final Database db;

    public RunRepository(Database db) {
        this.db = db;
    }

    /**
     * The log source of a run's attempt, the same on a server and in a local run:
     * campaign:ID:SEQ, then campaign:ID:SEQ:2 for a resumed second attempt, and so on.
     */
    public static String logSource(String campaignId, int seq, int attempt) {
        return "campaign:" + campaignId + ":" + seq + (attempt > 1 ? ":" + attempt : "");
    }

    public Future<Void> insertPlan(SqlClient conn, String campaignId, Plan plan, long now) {
        List<Tuple> rows = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            rows.add(Tuple.from(new Object[]{campaignId, r.seq(), r.model(), r.modelRef(), r.format(), r.engine(),
                    r.suite(), r.profile(), r.mode(), new JsonArray(r.agents()).encode(),
                    r.skipped() ? "skipped" : "pending", r.skipReason(), now}));
        }
        return db.query(conn, "DELETE FROM campaign_runs WHERE campaign_id = ?", campaignId)
                .compose(v -> conn.preparedQuery(db.dialect().sql("INSERT INTO campaign_runs (campaign_id, seq, model, "
                        + "model_ref, format, engine, suite, profile, mode, agents, status, reason, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")).executeBatch(rows))
                .mapEmpty();
    }

    public Future<List<JsonObject>> runs(String campaignId) {
        return select("SELECT * FROM campaign_runs WHERE campaign_id = ? ORDER BY seq", campaignId);
    }

    public Future<List<JsonObject>> pending(String campaignId) {
        return select("SELECT * FROM campaign_runs WHERE campaign_id = ? AND status = 'pending' ORDER BY seq",
                campaignId);
    }

    public Future<List<JsonObject>> active(String campaignId) {
        return select("SELECT * FROM campaign_runs WHERE campaign_id = ? AND status IN " + ACTIVE_SQL
                + " ORDER BY seq", campaignId);
    }

    public Future<JsonObject> byCommand(String commandId) {
        return select("SELECT * FROM campaign_runs WHERE command_id = ?", commandId)
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Future<List<JsonObject>> overdue(long now) {
        return select("SELECT r.* FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id "
                + "WHERE c.status = 'running' AND r.status IN " + ACTIVE_SQL + " AND r.deadline < ?", now);
    }

    public Future<Map<String, Long>> counts(String campaignId) {
        return db.query("SELECT status, COUNT(*) AS n FROM campaign_runs WHERE campaign_id = ? GROUP BY status",
                campaignId).map(rs -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    rs.forEach(r -> out.put(r.getString("status"), r.getLong("n")));
                    return out;
                });
    }

    /**
     * Claims a pending run for an agent, with the id its command will have (null: none chosen);
     * false when someone else took it first. Storing the id before submitting leaves no moment in
     * which a command exists that the run does not name, so a crash cannot lead to a second one.
     */
    public Future<Boolean> claim(String campaignId, int seq, String agentId, String commandId, long now, long deadline) {
        return update("UPDATE campaign_runs SET status = 'submitting', agent_id = ?, command_id = ?, "
                + "attempts = attempts + 1, started_at = ?, deadline = ?, updated_at = ? "
                + "WHERE campaign_id = ? AND seq = ? AND status = 'pending'", agentId, commandId, now, deadline, now,
                campaignId, seq);
    }

    public Future<Boolean> dispatched(String campaignId, int seq, String commandId, long now) {
        return update("UPDATE campaign_runs SET status = 'dispatched', command_id = ?, updated_at = ? "
                + "WHERE campaign_id = ? AND seq = ? AND status = 'submitting'", commandId, now, campaignId, seq);
    }

    public Future<Boolean> running(String campaignId, int seq, long now) {
        return update("UPDATE campaign_runs SET status = 'running', updated_at = ? "
                + "WHERE campaign_id = ? AND seq = ? AND status IN ('submitting','dispatched')", now, campaignId, seq);
    }

    /** Records the outcome of an active run once; false when it had already finished. */
    public Future<Boolean> finish(String campaignId, int seq, String status, String resultId, String error, long now) {
        return finish(campaignId, seq, status, resultId, error, null, null, now);
    }

    /**
     * Records the outcome with its SLO verdict (both null when there is none) in one statement, so
     * no reader, and no check for the campaign's end, can see a succeeded run without its verdict.
     */
    public Future<Boolean> finish(String campaignId, int seq, String status, String resultId, String error,
                                  String sloStatus, String sloReason, long now) {
        return update("UPDATE campaign_runs SET status = ?, result_id = ?, error = ?, slo_status = ?, slo_reason = ?, "
                + "finished_at = ?, updated_at = ? WHERE campaign_id = ? AND seq = ? AND status IN " + ACTIVE_SQL,
                status, resultId, error, sloStatus, sloReason, now, now, campaignId, seq);
    }

    /** A run whose command never reached an agent goes back to the queue. */
    public Future<Boolean> requeue(String campaignId, int seq, long now) {
        return update("UPDATE campaign_runs SET status = 'pending', agent_id = NULL, command_id = NULL, "
                + "deadline = NULL, updated_at = ? WHERE campaign_id = ? AND seq = ? AND status IN " + ACTIVE_SQL,
                now, campaignId, seq);
    }

    public Future<Integer> cancelPending(SqlClient conn, String campaignId, long now) {
        return db.query(conn, "UPDATE campaign_runs SET status = 'cancelled', error = 'campaign cancelled', "
                        + "finished_at = ?, updated_at = ? WHERE campaign_id = ? AND status = 'pending'",
                now, now, campaignId).map(rs -> rs.rowCount());
    }

    /** Resume: failed and cancelled runs are planned again; succeeded and skipped ones stay. */
    public Future<Integer> resetForResume(SqlClient conn, String campaignId, long now) {
        return db.query(conn, "UPDATE campaign_runs SET status = 'pending', agent_id = NULL, command_id = NULL, "
                        + "result_id = NULL, error = NULL, deadline = NULL, finished_at = NULL, slo_status = NULL, "
                        + "slo_reason = NULL, updated_at = ? "
                        + "WHERE campaign_id = ? AND status IN ('failed','cancelled')", now, campaignId)
                .map(rs -> rs.rowCount());
    }

    private Future<Boolean> update(String sql, Object... params) {
        return db.query(sql, params).map(rs -> rs.rowCount() == 1);
    }

    private Future<List<JsonObject>> select(String sql, Object... params) {
        return db.query(sql, params).map(rs -> {
            List<JsonObject> out = new ArrayList<>();
            rs.forEach(r -> out.add(toJson(r)));
            return out;
        });
    }

    static JsonObject toJson(Row r) {
        return new JsonObject().put("campaign_id", r.getString("campaign_id")).put("seq", r.getInteger("seq"))
                .put("model", r.getString("model")).put("model_ref", r.getString("model_ref"))
                .put("format", r.getString("format")).put("engine", r.getString("engine"))
                .put("suite", r.getString("suite")).put("profile", r.getString("profile"))
                .put("mode", r.getString("mode")).put("agents", new JsonArray(r.getString("agents")))
                .put("status", r.getString("status")).put("reason", r.getString("reason"))
                .put("agent_id", r.getString("agent_id")).put("command_id", r.getString("command_id"))
                .put("result_id", r.getString("result_id")).put("error", r.getString("error"))
                .put("attempts", r.getInteger("attempts")).put("started_at", r.getLong("started_at"))
                .put("deadline", r.getLong("deadline")).put("finished_at", r.getLong("finished_at"))
                .put("slo_status", r.getString("slo_status")).put("slo_reason", r.getString("slo_reason"));
    }
}
