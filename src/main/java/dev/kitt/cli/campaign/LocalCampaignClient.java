package dev.kitt.cli.campaign;

import dev.kitt.campaigns.report.RollupReport;
import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.campaigns.store.ScheduleRepository;
import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import dev.kitt.config.KittConfig;
import dev.kitt.logs.LogLine;
import dev.kitt.logs.LogRepository;
import dev.kitt.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The campaign tables of the local store (KITT_HOME or the configured PostgreSQL). A schedule
 * added here is only stored: the {@code kitt server} that runs on this store fires it, on its agents.
 */
public final class LocalCampaignClient implements CampaignClient {
    private final Vertx vertx = Vertx.vertx();
    private final Database db;

    public LocalCampaignClient(KittConfig config) {
        try {
            this.db = Await.result(Database.open(vertx, config));
        } catch (RuntimeException e) {
            Await.result(vertx.close());
            throw new CliException("cannot open the store: " + e.getMessage(), e);
        }
    }

    @Override
    public JsonObject list() {
        return Await.result(new CampaignRepository(db).list(null, 1, 500));
    }

    @Override
    public JsonObject report(String id) {
        JsonObject c = Await.result(new CampaignRepository(db).get(id));
        if (c == null) {
            throw new CliException("no campaign with id " + id);
        }
        JsonObject report = RollupReport.json(c, Await.result(new RunRepository(db).runs(id)));
        return report.put("markdown", RollupReport.markdown(report));
    }

    @Override
    public JsonObject addSchedule(JsonObject definitionGiven, String cron) {
        CampaignSpec spec = CampaignSpec.fromJson(definitionGiven);
        CronSchedule schedule = CronSchedule.parse(cron);
        long now = System.currentTimeMillis();
        JsonObject definition = spec.raw().copy();
        definition.remove("schedule");
        return Await.result(new ScheduleRepository(db).insert(UUID.randomUUID().toString(), spec.name(), definition,
                schedule.expression(), schedule.nextAfter(now), now));
    }

    @Override
    public JsonObject schedules() {
        JsonArray items = new JsonArray(Await.result(new ScheduleRepository(db).list()));
        return new JsonObject().put("items", items).put("total", items.size());
    }

    @Override
    public boolean removeSchedule(String id) {
        return Await.result(new ScheduleRepository(db).delete(id));
    }

    @Override
    public List<String> log(String campaignId, Integer seq) {
        if (Await.result(new CampaignRepository(db).get(campaignId)) == null) {
            throw new CliException("no campaign with id " + campaignId);
        }
        String source = seq == null ? campaignId
                : CampaignClient.runLogSource(campaignId, Await.result(new RunRepository(db).runs(campaignId)), seq);
        LogRepository logs = new LogRepository(db);
        List<String> out = new ArrayList<>();
        long after = 0;
        for (List<LogLine> page; !(page = Await.result(logs.after(source, after, 5000))).isEmpty(); ) {
            page.forEach(l -> out.add(l.line()));
            after = page.get(page.size() - 1).seq();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            Await.result(db.close());
        } finally {
            Await.result(vertx.close());
        }
    }
}
