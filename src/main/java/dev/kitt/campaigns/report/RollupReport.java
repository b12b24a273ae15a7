package dev.kitt.campaigns.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the rollup from a campaign row and its run rows (as the repositories return them). */
public final class RollupReport {
    private static final List<String> COUNTED = List.of("succeeded", "failed", "cancelled", "skipped", "pending",
            "running");

    private RollupReport() {
    }

    public static JsonObject counts(List<JsonObject> runs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach(s -> counts.put(s, 0L));
        for (JsonObject r : runs) {
            String s = r.getString("status");
            String bucket = switch (s) {
                case "submitting", "dispatched", "running" -> "running";
                default -> s;
            };
            counts.merge(bucket, 1L, Long::sum);
        }
        JsonObject out = new JsonObject().put("planned", (long) runs.size());
        counts.forEach(out::put);
        // SLO verdicts of succeeded runs (both 0 when the campaign has no SLOs).
        out.put("slo_passed", runs.stream().filter(r -> "passed".equals(r.getString("slo_status"))).count());
        out.put("slo_failed", runs.stream().filter(r -> "failed".equals(r.getString("slo_status"))).count());
        return out;
    }

    public static JsonObject json(JsonObject campaign, List<JsonObject> runs) {
        JsonArray rows = new JsonArray();
        for (JsonObject r : runs) {
            Long started = r.getLong("started_at");
            Long finished = r.getLong("finished_at");
            rows.add(new JsonObject().put("seq", r.getInteger("seq")).put("model", r.getString("model"))
                    .put("engine", r.getString("engine")).put("suite", r.getString("suite"))
                    .put("profile", r.getString("profile")).put("format", r.getString("format"))
                    .put("agent_id", r.getString("agent_id")).put("status", r.getString("status"))
                    .put("reason", r.getString("reason")).put("error", r.getString("error"))
                    .put("result_id", r.getString("result_id")).put("attempts", r.getInteger("attempts"))
                    .put("duration_s", started != null && finished != null ? (finished - started) / 1000.0 : null)
                    .put("slo", r.getString("slo_status") == null ? null : new JsonObject()
                            .put("status", r.getString("slo_status")).put("reason", r.getString("slo_reason"))));
        }
        return new JsonObject().put("campaign", new JsonObject().put("id", campaign.getString("id"))
                        .put("name", campaign.getString("name")).put("status", campaign.getString("status"))
                        .put("launched_at", campaign.getLong("launched_at"))
                        .put("finished_at", campaign.getLong("finished_at")))
                .put("counts", counts(runs)).put("runs", rows);
    }

    public static String markdown(JsonObject report) {
        JsonObject c = report.getJsonObject("campaign");
        JsonObject n = report.getJsonObject("counts");
        StringBuilder md = new StringBuilder();
        md.append("# Campaign ").append(c.getString("name")).append("\n\n");
        md.append("Status: **").append(c.getString("status")).append("**");
        if (c.getLong("launched_at") != null) {
            md.append(" · launched ").append(Instant.ofEpochMilli(c.getLong("launched_at")));
        }
        if (c.getLong("finished_at") != null) {
            md.append(" · finished ").append(Instant.ofEpochMilli(c.getLong("finished_at")));
        }
        md.append("\n\n");
        md.append(String.format("%d planned: %d succeeded, %d failed, %d cancelled, %d skipped, %d pending, %d running%n%n",
                n.getLong("planned"), n.getLong("succeeded"), n.getLong("failed"), n.getLong("cancelled"),
                n.getLong("skipped"), n.getLong("pending"), n.getLong("running")));
        if (n.getLong("slo_passed", 0L) + n.getLong("slo_failed", 0L) > 0) {
            md.append(String.format("SLOs: %d passed, %d failed%n%n", n.getLong("slo_passed"), n.getLong("slo_failed")));
        }
        md.append("| # | model | engine | suite | profile | agent | status | result / reason | SLOs | time (s) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Object o : report.getJsonArray("runs")) {
            JsonObject r = (JsonObject) o;
            String detail = r.getString("result_id") != null ? r.getString("result_id")
                    : r.getString("reason") != null ? r.getString("reason")
                    : r.getString("error") != null ? r.getString("error") : "";
            Double d = r.getDouble("duration_s");
            md.append("| ").append(r.getInteger("seq")).append(" | ").append(cell(r.getString("model")))
                    .append(" | ").append(cell(r.getString("engine"))).append(" | ").append(cell(r.getString("suite")))
                    .append(" | ").append(cell(r.getString("profile"))).append(" | ").append(cell(r.getString("agent_id")))
                    .append(" | ").append(r.getString("status")).append(" | ").append(cell(detail))
                    .append(" | ").append(cell(slo(r.getJsonObject("slo"))))
                    .append(" | ").append(d == null ? "" : String.format("%.1f", d)).append(" |\n");
        }
        return md.toString();
    }

    private static String slo(JsonObject slo) {
        if (slo == null) {
            return null;
        }
        return "passed".equals(slo.getString("status")) ? "passed" : "FAILED: " + slo.getString("reason");
    }

    private static String cell(String s) {
        return s == null ? "-" : s.replace("|", "\\|").replace("\n", " ");
    }
}
