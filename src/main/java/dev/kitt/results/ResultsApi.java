package dev.kitt.results;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The /api/v1/results routes: list, import, get, delete, compare, aggregate and regressions of stored runs. */
public final class ResultsApi {
    private final ResultRepository results;

    public ResultsApi(ResultRepository results) {
        this.results = results;
    }

    public void mount(Router api) {
        api.get("/results").handler(this::list);
        api.post("/results").handler(this::create);
        api.get("/results/compare").handler(this::compare);
        api.post("/results/compare").handler(this::compare);
        api.get("/results/aggregate").handler(this::aggregate);
        api.get("/results/regressions").handler(this::regressions);
        api.get("/results/:id").handler(this::get);
        api.delete("/results/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        results.list(query(ctx)).onSuccess(page -> Json.ok(ctx, page)).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        MetricsDocument doc = parse(text);
        results.importRun(doc, "api", null)
                .onSuccess(r -> Json.reply(ctx, r.created() ? 201 : 200,
                        new JsonObject().put("id", r.id()).put("created", r.created())))
                .onFailure(ctx::fail);
    }

    /** Parses and validates a metrics.json body; a problem becomes 400 naming its JSON path. */
    static MetricsDocument parse(String text) {
        try {
            return MetricsDocument.from(JsonDocumentParser.parseObject(text));
        } catch (InvalidDocumentException e) {
            throw new ApiException(400, "invalid_metrics_document", e.getMessage());
        }
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        results.get(id).onSuccess(run -> {
            if (run == null) {
                ctx.fail(ApiException.notFound("result " + id));
            } else {
                Json.ok(ctx, run);
            }
        }).onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        results.delete(id).onSuccess(deleted -> {
            if (deleted) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(ApiException.notFound("result " + id));
            }
        }).onFailure(ctx::fail);
    }

    private void compare(RoutingContext ctx) {
        List<String> ids = compareIds(ctx);
        if (ids.size() < 2 || ids.size() > 50) {
            throw ApiException.badRequest("compare needs between 2 and 50 distinct result ids, got " + ids.size());
        }
        results.summaries(ids).compose(found -> {
            List<String> missing = new ArrayList<>(ids);
            found.forEach(s -> missing.remove(s.getString("id")));
            if (!missing.isEmpty()) {
                return Future.failedFuture(ApiException.notFound("result " + String.join(", ", missing)));
            }
            return results.metricsOf(ids).map(rows -> ResultComparison.build(ids, found, rows));
        }).onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
    }

    private static List<String> compareIds(RoutingContext ctx) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if ("POST".equals(ctx.request().method().name())) {
            JsonObject body = Json.body(ctx);
            if (!(body.getValue("ids") instanceof JsonArray arr)) {
                throw ApiException.invalidField("ids", "field 'ids' must be an array of result ids");
            }
            for (Object o : arr) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw ApiException.invalidField("ids", "field 'ids' must hold non-empty strings");
                }
                ids.add(s);
            }
        } else {
            String param = ctx.request().getParam("ids");
            if (param == null) {
                throw ApiException.badRequest("query parameter 'ids' (comma-separated result ids) is required");
            }
            for (String s : param.split(",")) {
                if (!s.isBlank()) {
                    ids.add(s.trim());
                }
            }
        }
        return new ArrayList<>(ids);
    }

    private void regressions(RoutingContext ctx) {
        Long since = QueryParams.time(ctx, "since");
        double threshold = thresholdPct(ctx);
        int limit = QueryParams.integer(ctx, "limit", 100, 1, 500);
        new Regressions(results).since(since == null ? System.currentTimeMillis() - 7 * 86_400_000L : since,
                threshold, limit).onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail);
    }

    /** As kitt ci report's --threshold: a change within it is not a regression (default 5 %). */
    private static double thresholdPct(RoutingContext ctx) {
        String v = ctx.request().getParam("threshold_pct");
        if (v == null || v.isBlank()) {
            return 5.0;
        }
        try {
            double pct = Double.parseDouble(v.trim());
            if (pct >= 0 && pct <= 1000) {
                return pct;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ApiException(400, "invalid_parameter",
                "query parameter 'threshold_pct' must be a number of percent from 0 to 1000", "threshold_pct");
    }

    private void aggregate(RoutingContext ctx) {
        String groupBy = QueryParams.oneOf(ctx, "group_by", "model", List.of("model", "engine", "suite"));
        String metric = ctx.request().getParam("metric");
        if (metric == null || metric.isBlank()) {
            throw ApiException.badRequest("query parameter 'metric' is required (for example output_tokens_per_s)");
        }
        String column = "suite".equals(groupBy) ? "suite_name" : groupBy;
        results.aggregate(column, metric, ctx.request().getParam("benchmark"), query(ctx))
                .onSuccess(groups -> Json.ok(ctx, new JsonObject().put("group_by", groupBy).put("metric", metric)
                        .put("groups", groups)))
                .onFailure(ctx::fail);
    }

    private static ResultQuery query(RoutingContext ctx) {
        return new ResultQuery(
                ctx.request().getParam("model"),
                ctx.request().getParam("engine"),
                ctx.request().getParam("suite"),
                QueryParams.time(ctx, "since"),
                QueryParams.time(ctx, "until"),
                QueryParams.bool(ctx, "passed"),
                ctx.request().getParam("agent_id"),
                QueryParams.integer(ctx, "page", 1, 1, Integer.MAX_VALUE),
                QueryParams.integer(ctx, "per_page", 50, 1, ResultQuery.MAX_PER_PAGE));
    }
}
