package dev.kitt.campaigns;

import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.store.ScheduleRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Function;

/**
 * Fires due schedules: each firing creates a campaign from the stored definition and launches
 * it, then moves the schedule to its next time. A server that was down over a firing time fires
 * once when it comes back, not once per missed time. A firing that cannot start its campaign (an
 * agent removed since, a plan now empty) records why on the schedule, where list and API show it.
 */
final class ScheduleFirer {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);

    private final ScheduleRepository schedules;
    private final CampaignDrafts drafts;
    private final Function<String, Future<JsonObject>> launcher;
    private final Clock clock;

    ScheduleFirer(ScheduleRepository schedules, CampaignDrafts drafts, Function<String, Future<JsonObject>> launcher,
                  Clock clock) {
        this.schedules = schedules;
        this.drafts = drafts;
        this.launcher = launcher;
        this.clock = clock;
    }

    Future<Void> fireDue() {
        long now = clock.millis();
        return schedules.due(now).compose(due -> {
            Future<Void> chain = Future.succeededFuture();
            for (JsonObject s : due) {
                chain = chain.compose(v -> fire(s, now));
            }
            return chain;
        });
    }

    private Future<Void> fire(JsonObject s, long now) {
        String id = s.getString("id");
        long next = CronSchedule.parse(s.getString("cron")).nextAfter(now);
        JsonObject definition = s.getJsonObject("definition").copy();
        definition.remove("schedule");
        // Moving the schedule on first is the claim: whoever moves it starts the campaign, once.
        return schedules.advance(id, s.getLong("next_fire_at"), next, now).compose(claimed -> !claimed
                ? Future.<Void>succeededFuture()
                : drafts.create(definition)
                        .compose(campaignId -> schedules.firedCampaign(id, campaignId)
                                .compose(v -> launcher.apply(campaignId)))
                        .<Void>mapEmpty()
                        .recover(err -> {
                            LOG.warn("schedule {} ({}) could not start its campaign: {}", id, s.getString("name"),
                                    err.getMessage());
                            return schedules.fireFailed(id, String.valueOf(err.getMessage()))
                                    .recover(e -> Future.succeededFuture());
                        }));
    }
}
