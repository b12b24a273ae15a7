package dev.kitt.campaigns;

import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.store.ScheduleRepository;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.store.Database;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/**
 * /api/v1/campaigns/schedules: a campaign definition with a cron expression (UTC); the campaign
 * verticle creates and launches a campaign from it at each firing.
 */
final class SchedulesApi {
    private final ScheduleRepository schedules;
    private final CampaignDrafts drafts;

    SchedulesApi(Database db, CampaignDrafts drafts) {
        this.schedules = new ScheduleRepository(db);
        this.drafts = drafts;
    }

    void mount(Router api) {
        api.get("/campaigns/schedules").handler(this::list);
        api.post("/campaigns/schedules").handler(this::create);
        api.delete("/campaigns/schedules/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        schedules.list().onSuccess(items -> Json.ok(ctx, new JsonObject().put("items", new JsonArray(items))
                .put("total", items.size()))).onFailure(ctx::fail);
    }

    /** Body: {"cron": "0 2 * * *", "yaml": "..."} or {"cron": ..., <campaign keys>}; cron may come from the file's schedule. */
    private void create(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        JsonObject definition = CampaignsApi.definition(body);
        Object cronValue = body.getValue("cron", definition.getValue("schedule"));
        if (!(cronValue instanceof String cronText)) {
            throw new ApiException(400, "invalid_cron",
                    "field 'cron' is required: a cron expression such as \"0 2 * * *\"", "cron");
        }
        CronSchedule cron;
        try {
            cron = CronSchedule.parse(cronText);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_cron", e.getMessage(), "cron");
        }
        definition.remove("schedule");
        long now = System.currentTimeMillis();
        drafts.plan(definition)
                .compose(p -> schedules.insert(UUID.randomUUID().toString(), p.spec().name(), definition,
                        cron.expression(), cron.nextAfter(now), now))
                .onSuccess(s -> Json.reply(ctx, 201, s)).onFailure(err -> ctx.fail(CampaignsApi.toApi(err)));
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        schedules.delete(id).onSuccess(ok -> {
            if (ok) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(ApiException.notFound("schedule " + id));
            }
        }).onFailure(ctx::fail);
    }
}
