package dev.kitt.cli.campaign;

import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.slo.Slos;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import dev.kitt.store.Database;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * A local campaign's rows in the local store, the same campaign tables a server uses, so
 * `kitt campaign list | status` show it and --resume finds it. Called on the CLI's main thread.
 */
final class LocalRunState {
    static final String AGENT = "local";
    private static final List<String> RESUMABLE = List.of("failed", "cancelled", "running");

    final CampaignRepository campaigns;
    final RunRepository runs;
    private final Database db;

    LocalRunState(Database db) {
        this.db = db;
        this.campaigns = new CampaignRepository(db);
        this.runs = new RunRepository(db);
    }

    /** A new campaign with its plan, already running. */
    String create(CampaignSpec spec, Plan plan) {
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        Await.result(db.inTransaction(conn -> campaigns.insert(conn, id, spec.name(), spec.raw(), null, now)
                .compose(v -> runs.insertPlan(conn, id, plan, now))
                .compose(v -> campaigns.transition(conn, id, List.of("draft"), "running", now))));
        return id;
    }

    /** The newest campaign of this name that did not complete (failed, cancelled, or shown as running). */
    String resumable(CampaignSpec spec) {
        return Await.result(campaigns.list(null, 1, 500)).getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(c -> spec.name().equals(c.getString("name"))
                        && RESUMABLE.contains(c.getString("status"))).findFirst()
                .orElseThrow(() -> new CliException("no failed, cancelled or interrupted campaign named '" + spec.name()
                        + "' in the local store to resume (see kitt campaign list)")).getString("id");
    }

    /**
     * Moves a campaign found by {@link #resumable} back to running, once its run lock is ours (so a
     * "running" one is known to be interrupted): its failed, cancelled and interrupted runs are
     * pending again, its succeeded ones stay as they are.
     */
    void resume(String id) {
        long now = System.currentTimeMillis();
        Await.result(db.inTransaction(conn -> campaigns.transition(conn, id, RESUMABLE, "running", now)
                .compose(v -> runs.resetForResume(conn, id, now))));
        // Runs that were under way when the last attempt stopped never finished: they run again.
        for (JsonObject r : Await.result(runs.active(id))) {
            Await.result(runs.requeue(id, r.getInteger("seq"), now));
        }
    }

    List<JsonObject> pending(String id) {
        return Await.result(runs.pending(id));
    }

    boolean claim(String id, int seq, long deadline) {
        return Await.result(runs.claim(id, seq, AGENT, null, System.currentTimeMillis(), deadline));
    }

    void finish(String id, int seq, String status, String resultId, String error) {
        Await.result(runs.finish(id, seq, status, resultId, error, System.currentTimeMillis()));
    }

    /** A success with its SLO verdict (null: the campaign has none), written together. */
    void succeeded(String id, int seq, String resultId, Slos.Verdict slo) {
        Await.result(runs.finish(id, seq, "succeeded", resultId, null, slo == null ? null : slo.status(),
                slo == null ? null : slo.reason(), System.currentTimeMillis()));
    }

    /** Completed when nothing failed, else failed; the campaign row as it now is. */
    JsonObject end(String id) {
        var counts = Await.result(runs.counts(id));
        boolean failed = counts.getOrDefault("failed", 0L) + counts.getOrDefault("cancelled", 0L) > 0;
        Await.result(campaigns.transition(id, List.of("running"), failed ? "failed" : "completed",
                System.currentTimeMillis()));
        return Await.result(campaigns.get(id));
    }

    List<JsonObject> all(String id) {
        return Await.result(runs.runs(id));
    }
}
