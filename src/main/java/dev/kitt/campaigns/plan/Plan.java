package dev.kitt.campaigns.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Every cell of a campaign's matrix, runnable or skipped, numbered from 1. */
public record Plan(String campaign, List<PlannedRun> runs) {
    public List<PlannedRun> runnable() {
        return runs.stream().filter(r -> !r.skipped()).toList();
    }

    public List<PlannedRun> skipped() {
        return runs.stream().filter(PlannedRun::skipped).toList();
    }

    public JsonObject toJson() {
        JsonArray rows = new JsonArray();
        runs.forEach(r -> rows.add(r.toJson()));
        return new JsonObject().put("campaign_name", campaign).put("planned", runnable().size())
                .put("skipped", skipped().size()).put("runs", rows);
    }
}
