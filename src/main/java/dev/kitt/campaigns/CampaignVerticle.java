package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.campaigns.store.ScheduleRepository;
import dev.kitt.results.ResultRepository;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;

/**
 * Runs campaigns. Answers {@code kitt.campaigns.launch} ({campaignId, resume?}) and
 * {@code kitt.campaigns.cancel}, follows {@code kitt.commands.update}, and on a periodic tick
 * fails runs past their deadline, fires due cron schedules and hands free agents pending runs. On start it resumes every
 * campaign the table says is running. The clock and tick are injectable for tests.
 */
public final class CampaignVerticle extends VerticleBase {
    public static final long DEFAULT_TICK_MS = 5_000;

    private final ServerContext ctx;
    private final EngineCatalog catalog;
    private final Clock clock;
    private final long tickMs;
    private CampaignRepository campaigns;
    private RunRepository runs;
    private CampaignExecutor executor;
    private ScheduleFirer schedules;
    private Reconciler reconciler;
    private long timer = -1;
    private boolean ticking;

    public CampaignVerticle(ServerContext ctx) {
        this(ctx, EngineCatalog.standard(), Clock.systemUTC(), DEFAULT_TICK_MS);
    }

    public CampaignVerticle(ServerContext ctx, EngineCatalog catalog, Clock clock, long tickMs) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.clock = clock;
        this.tickMs = tickMs;
    }

    @Override
    public Future<?> start() {
        campaigns = new CampaignRepository(ctx.db());
        runs = new RunRepository(ctx.db());
        executor = new CampaignExecutor(vertx, campaigns, runs, new CampaignLog(vertx, campaigns), clock,
                new SloJudge(new ResultRepository(ctx.db())));
        CampaignDrafts drafts = new CampaignDrafts(vertx, ctx.db(), catalog, clock);
        schedules = new ScheduleFirer(new ScheduleRepository(ctx.db()), drafts, id -> launch(id, false), clock);
        reconciler = new Reconciler(vertx, campaigns, runs, executor, clock);
        var bus = vertx.eventBus();
        bus.<JsonObject>consumer(Addresses.COMMANDS_UPDATE, msg -> executor.onUpdate(msg.body()));
        Future<?> launch = bus.<JsonObject>consumer(Addresses.CAMPAIGNS_LAUNCH, msg -> reply(msg,
                launch(msg.body().getString("campaignId"), msg.body().getBoolean("resume", false)))).completion();
        Future<?> cancel = bus.<JsonObject>consumer(Addresses.CAMPAIGNS_CANCEL,
                msg -> reply(msg, cancel(msg.body().getString("campaignId")))).completion();
        return Future.all(launch, cancel)
                .compose(v -> reconciler.resumeAll())
                .onSuccess(v -> timer = vertx.setPeriodic(tickMs, id -> tick()));
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** One tick at a time: a slow store must not let two sweeps or two firings overlap. */
    private void tick() {
        if (ticking) {
            return;
        }
        ticking = true;
        // The pump is a safety net: a free agent is normally handed work when a run finishes, but a
        // pump that failed on a store error would otherwise leave it idle until the next finish.
        sweepTimeouts().eventually(() -> reconciler.recheck()).eventually(() -> schedules.fireDue())
                .eventually(() -> executor.pumpAll()).onComplete(ar -> ticking = false);
    }

    private static void reply(Message<JsonObject> msg, Future<JsonObject> result) {
        result.onSuccess(msg::reply).onFailure(err -> {
            if (err instanceof ReplyException re) {
                msg.fail(re.failureCode(), re.getMessage());
            } else {
                msg.fail(500, String.valueOf(err.getMessage()));
            }
        });
    }

    Future<JsonObject> launch(String id, boolean resume) {
        long now = clock.millis();
        List<String> from = resume ? List.of("failed", "cancelled") : List.of("draft");
        Future<Boolean> moved = ctx.db().inTransaction(conn -> campaigns.transition(conn, id, from, "running", now)
                .compose(ok -> ok && resume ? runs.resetForResume(conn, id, now).map(true) : Future.succeededFuture(ok)));
        return moved.compose(ok -> {
            if (!ok) {
                return refuse(id, resume ? "only a failed or cancelled campaign can be resumed"
                        : "only a draft can be launched (resume a failed or cancelled one instead)");
            }
            executor.log().line(id, resume ? "resumed: failed and cancelled runs planned again" : "launched");
            vertx.eventBus().publish(Addresses.EVENTS, new JsonObject().put("type", "campaign.started")
                    .put("campaignId", id).put("at", now));
            return executor.activate(id).compose(v -> executor.pump(id))
                    .map(v -> new JsonObject().put("id", id).put("status", "running"));
        });
    }

    private Future<JsonObject> cancel(String id) {
        long now = clock.millis();
        return campaigns.transition(id, List.of("running", "draft"), "cancelled", now).compose(ok -> {
            if (!ok) {
                return refuse(id, "only a draft or running campaign can be cancelled");
            }
            executor.active.remove(id);
            return ctx.db().inTransaction(conn -> runs.cancelPending(conn, id, now))
                    .compose(n -> runs.active(id)).compose(active -> {
                        Future<Void> chain = Future.succeededFuture();
                        for (JsonObject r : active) {
                            var in = new CampaignExecutor.InFlight(id, r.getInteger("seq"), r.getString("agent_id"));
                            executor.cancelCommand(in, r.getString("command_id"));
                            chain = chain.compose(v -> executor.lane(id, in.seq(),
                                    () -> executor.finish(in, "cancelled", null, "campaign cancelled")));
                        }
                        return chain;
                    }).map(v -> {
                        executor.log().line(id, "cancelled");
                        return new JsonObject().put("id", id).put("status", "cancelled");
                    });
        });
    }

    private Future<JsonObject> refuse(String id, String why) {
        return campaigns.get(id).compose(c -> Future.failedFuture(c == null
                ? new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 404, "campaign " + id + " not found")
                : new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 409,
                "campaign " + id + " is " + c.getString("status") + ": " + why)));
    }

    /** Runs past their deadline fail as timed out; their agents are asked to stop the work. */
    private Future<Void> sweepTimeouts() {
        return runs.overdue(clock.millis()).compose(overdue -> {
            Future<Void> chain = Future.succeededFuture();
            for (JsonObject r : overdue) {
                String id = r.getString("campaign_id");
                var in = new CampaignExecutor.InFlight(id, r.getInteger("seq"), r.getString("agent_id"));
                String after = CampaignSpec.describeTimeout(r.getLong("deadline") - r.getLong("started_at"));
                chain = chain.compose(v -> executor.lane(id, in.seq(),
                        () -> executor.finish(in, "failed", null, "timed out after " + after)
                                .onSuccess(changed -> {
                                    if (changed) {
                                        executor.cancelCommand(in, r.getString("command_id"));
                                    }
                                })));
            }
            return chain;
        });
    }
}
