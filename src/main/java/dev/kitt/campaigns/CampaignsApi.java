package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.report.RollupReport;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.logs.LogLine;
import dev.kitt.logs.LogRepository;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.QueryParams;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;

/**
 * /api/v1/campaigns: CRUD of drafts, plan (a dry run), launch, resume, cancel, logs and the
 * rollup report. Execution is the campaign verticle's: launch and cancel go over the event bus.
 * Schedules are in {@link SchedulesApi}, mounted first so "schedules" is never read as an id.
 */
public final class CampaignsApi {
    private final Vertx vertx;
    private final CampaignDrafts drafts;
    private final CampaignRepository campaigns;
    private final RunRepository runs;
    private final LogRepository logs;
    private final SchedulesApi schedules;

    public CampaignsApi(Vertx vertx, Database db) {
        this(vertx, db, EngineCatalog.standard());
    }

    public CampaignsApi(Vertx vertx, Database db, EngineCatalog catalog) {
        this.vertx = vertx;
        this.drafts = new CampaignDrafts(vertx, db, catalog, Clock.systemUTC());
        this.campaigns = new CampaignRepository(db);
        this.runs = new RunRepository(db);
        this.logs = new LogRepository(db);
        this.schedules = new SchedulesApi(db, drafts);
    }

    public void mount(Router api) {
        schedules.mount(api);
        api.get("/campaigns").handler(this::list);
        api.post("/campaigns").handler(this::create);
        api.post("/campaigns/plan").handler(this::plan);
        api.get("/campaigns/:id").handler(this::get);
        api.put("/campaigns/:id").handler(this::replace);
        api.delete("/campaigns/:id").handler(this::delete);
        api.post("/campaigns/:id/launch").handler(ctx -> control(ctx, Addresses.CAMPAIGNS_LAUNCH, false));
        api.post("/campaigns/:id/resume").handler(ctx -> control(ctx, Addresses.CAMPAIGNS_LAUNCH, true));
        api.post("/campaigns/:id/cancel").handler(ctx -> control(ctx, Addresses.CAMPAIGNS_CANCEL, false));
        api.get("/campaigns/:id/logs").handler(this::logs);
        api.get("/campaigns/:id/report").handler(this::report);
    }

    /** The definition in a request: {"yaml": "<campaign file>"} or the file's keys as JSON. */
    static JsonObject definition(JsonObject body) {
        if (body.getValue("yaml") != null) {
            if (!(body.getValue("yaml") instanceof String text)) {
                throw ApiException.invalidField("yaml", "field 'yaml' must be the campaign file as a string");
            }
            return spec(() -> CampaignSpec.fromYaml(text)).raw();
        }
        JsonObject def = body.copy();
        def.remove("launch");
        def.remove("cron");
        return def;
    }

    static CampaignSpec spec(java.util.function.Supplier<CampaignSpec> parse) {
        try {
            return parse.get();
        } catch (SpecException e) {
            throw toApi(e);
        }
    }

    static Throwable toApi(Throwable err) {
        if (err instanceof SpecException s) {
            return toApi(s);
        }
        if (err instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
                && re.failureCode() >= 400 && re.failureCode() < 500) {
            return new ApiException(re.failureCode(), re.failureCode() == 404 ? "not_found" : "conflict", re.getMessage());
        }
        if (err instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            // In a cluster, for the seconds between a node's death and another taking the executor over.
            return new ApiException(503, "executor_unavailable", "no node runs the campaign executor right now; retry shortly");
        }
        return err;
    }

    static ApiException toApi(SpecException e) {
        return new ApiException("agents_unavailable".equals(e.code()) ? 503 : 400, e.code(), e.getMessage(), e.field());
    }

    private void list(RoutingContext ctx) {
        String status = QueryParams.oneOf(ctx, "status", null, CampaignRepository.STATUSES);
        campaigns.list(status, QueryParams.integer(ctx, "page", 1, 1, Integer.MAX_VALUE),
                        QueryParams.integer(ctx, "per_page", 50, 1, 500))
                .onSuccess(page -> Json.ok(ctx, page)).onFailure(ctx::fail);
    }

    private void plan(RoutingContext ctx) {
        drafts.plan(definition(Json.body(ctx))).onSuccess(p -> Json.ok(ctx, p.plan().toJson()))
                .onFailure(err -> ctx.fail(toApi(err)));
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        boolean launch = Boolean.TRUE.equals(body.getValue("launch"));
        drafts.create(definition(body))
                .compose(id -> launch ? vertx.eventBus().request(Addresses.CAMPAIGNS_LAUNCH,
                        new JsonObject().put("campaignId", id)).map(id) : Future.succeededFuture(id))
                .compose(this::detail)
                .onSuccess(c -> Json.reply(ctx, 201, c)).onFailure(err -> ctx.fail(toApi(err)));
    }

    private void replace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject def = definition(Json.body(ctx));
        campaigns.get(id).compose(c -> {
            if (c == null) {
                return Future.failedFuture(ApiException.notFound("campaign " + id));
            }
            if (!"draft".equals(c.getString("status"))) {
                return Future.failedFuture(ApiException.conflict("campaign " + id + " is " + c.getString("status")
                        + ": only a draft can be edited"));
            }
            return drafts.replace(id, def).compose(ok -> ok ? detail(id) : Future.failedFuture(
                    ApiException.conflict("campaign " + id + " is no longer a draft: only a draft can be edited")));
        }).onSuccess(c -> Json.ok(ctx, c)).onFailure(err -> ctx.fail(toApi(err)));
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        campaigns.delete(id).compose(ok -> ok ? Future.succeededFuture() : campaigns.get(id).compose(c ->
                        Future.failedFuture(c == null ? ApiException.notFound("campaign " + id)
                                : ApiException.conflict("campaign " + id + " is running: cancel it before deleting it"))))
                .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void control(RoutingContext ctx, String address, boolean resume) {
        String id = ctx.pathParam("id");
        vertx.eventBus().<JsonObject>request(address, new JsonObject().put("campaignId", id).put("resume", resume))
                .onSuccess(reply -> Json.ok(ctx, reply.body())).onFailure(err -> ctx.fail(toApi(err)));
    }

    private void get(RoutingContext ctx) {
        detail(ctx.pathParam("id")).onSuccess(c -> Json.ok(ctx, c)).onFailure(ctx::fail);
    }

    /** The campaign with its counts and every planned run. */
    private Future<JsonObject> detail(String id) {
        return campaigns.get(id).compose(c -> c == null ? Future.failedFuture(ApiException.notFound("campaign " + id))
                : runs.runs(id).map(rows -> c.put("counts", RollupReport.counts(rows)).put("runs", new JsonArray(rows))));
    }

    private void logs(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int after = QueryParams.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParams.integer(ctx, "limit", 1000, 1, 10_000);
        campaigns.get(id).compose(c -> c == null ? Future.failedFuture(ApiException.notFound("campaign " + id))
                        : logs.after(id, after, limit))
                .onSuccess(lines -> Json.ok(ctx, new JsonObject().put("sourceId", id)
                        .put("lines", new JsonArray(lines.stream().map(LogLine::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void report(RoutingContext ctx) {
        String format = QueryParams.oneOf(ctx, "format", "json", java.util.List.of("json", "md"));
        String id = ctx.pathParam("id");
        campaigns.get(id).compose(c -> c == null ? Future.failedFuture(ApiException.notFound("campaign " + id))
                : runs.runs(id).map(rows -> RollupReport.json(c, rows))).onSuccess(report -> {
                    if ("md".equals(format)) {
                        ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
                                .end(RollupReport.markdown(report));
                    } else {
                        Json.ok(ctx, report);
                    }
                }).onFailure(ctx::fail);
    }
}
