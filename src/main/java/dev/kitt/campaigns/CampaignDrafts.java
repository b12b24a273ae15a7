package dev.kitt.campaigns;

import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.plan.Planner;
import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.UUID;

/**
 * Turns a definition into a stored draft: parse, look the agents up, plan, and write the
 * campaign with one row per planned run in one transaction. Shared by the API and the schedule
 * firer so both validate alike.
 */
public final class CampaignDrafts {
    private final Database db;
    private final AgentDirectory agents;
    private final Planner planner;
    private final Clock clock;
    private final CampaignRepository campaigns;
    private final RunRepository runs;

    public CampaignDrafts(Vertx vertx, Database db, EngineCatalog catalog, Clock clock) {
        this.db = db;
        this.agents = new AgentDirectory(vertx);
        this.planner = new Planner(catalog);
        this.clock = clock;
        this.campaigns = new CampaignRepository(db);
        this.runs = new RunRepository(db);
    }

    public record Planned(CampaignSpec spec, Plan plan) {
    }

    /** Validates and plans without storing; an empty matrix is an error naming every reason. */
    public Future<Planned> plan(JsonObject definition) {
        CampaignSpec spec;
        try {
            spec = CampaignSpec.fromJson(definition);
            if (spec.schedule() != null) {
                CronSchedule.parse(spec.schedule());
            }
        } catch (SpecException e) {
            return Future.failedFuture(e);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new SpecException("invalid_cron", e.getMessage(), "schedule"));
        }
        if (spec.agents().isEmpty()) {
            return Future.failedFuture(new SpecException("no_agents", "campaign '" + spec.name()
                    + "' names no agents: add agents: [<agent id>, ...] (or pass --agent ID to kitt campaign run or kitt campaign schedule)", "agents"));
        }
        return agents.getAll(spec.agents()).compose(found -> {
            Plan plan = planner.plan(spec, found);
            if (plan.runnable().isEmpty()) {
                StringBuilder why = new StringBuilder("empty matrix: campaign '" + spec.name() + "' has no runnable test");
                plan.skipped().stream().map(r -> r.model() + " × " + r.engine() + ": " + r.skipReason()).distinct()
                        .limit(10).forEach(s -> why.append("; ").append(s));
                if (plan.runs().isEmpty()) {
                    why.append(" (models or engines is empty)");
                }
                return Future.failedFuture(new SpecException("empty_matrix", why.toString()));
            }
            return Future.succeededFuture(new Planned(spec, plan));
        });
    }

    /** A new draft; the future holds its id. */
    public Future<String> create(JsonObject definition) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        return plan(definition).compose(p -> db.inTransaction(conn ->
                campaigns.insert(conn, id, p.spec().name(), p.spec().raw(), p.spec().schedule(), now)
                        .compose(v -> runs.insertPlan(conn, id, p.plan(), now)))).map(id);
    }

    /** Replaces a draft's definition and plan; false when the campaign is no longer a draft. */
    public Future<Boolean> replace(String id, JsonObject definition) {
        long now = clock.millis();
        return plan(definition).compose(p -> db.inTransaction(conn ->
                campaigns.updateDraft(conn, id, p.spec().name(), p.spec().raw(), p.spec().schedule(), now)
                        .compose(ok -> ok ? runs.insertPlan(conn, id, p.plan(), now).map(true)
                                : Future.succeededFuture(false))));
    }
}
