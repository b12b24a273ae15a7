package dev.kitt.cli;

import dev.kitt.engines.client.RequestResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and clears a `kitt engine-sim`'s recorded token times, and compares them with what a client measured. */
final class SimTruthClient {
    private SimTruthClient() {
    }

    static Future<Void> clear(Vertx vertx, String url) {
        return call(vertx, url, HttpMethod.DELETE, "/sim/truth").mapEmpty();
    }

    /** Request id → first token send time (System.nanoTime of the sim). */
    static Future<Map<String, Long>> firstTokens(Vertx vertx, String url) {
        return call(vertx, url, HttpMethod.GET, "/sim/truth?tokens=false").map(body -> {
            Map<String, Long> map = new HashMap<>();
            body.getJsonObject("requests").forEach(e -> map.put(e.getKey(), ((JsonObject) e.getValue()).getLong("first_token_ns")));
            return map;
        });
    }

    /** |client first-token read − sim first-token write| in ms: p50, p99, max, and how many were matched. */
    static JsonObject compare(List<RequestResult> results, Map<String, Long> truth) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (RequestResult r : results) {
            Long t = r.requestId() == null ? null : truth.get(r.requestId());
            if (r.ok() && r.hasFirstToken() && t != null && t > 0) {
                h.recordValue(Math.abs(r.firstTokenNanos() - t) / 1000);
            }
        }
        return new JsonObject().put("matched", h.getTotalCount()).put("p50", h.getValueAtPercentile(50) / 1000.0)
                .put("p99", h.getValueAtPercentile(99) / 1000.0).put("max", h.getMaxValue() / 1000.0);
    }

    private static Future<JsonObject> call(Vertx vertx, String url, HttpMethod method, String path) {
        URI u = URI.create(url);
        HttpClient http = vertx.createHttpClient();
        return http.request(new RequestOptions().setMethod(method).setHost(u.getHost()).setPort(u.getPort()).setURI(path))
                .compose(HttpClientRequest::send).compose(resp -> resp.body())
                .map(b -> b.length() == 0 ? new JsonObject() : b.toJsonObject())
                .eventually(http::close);
    }
}
