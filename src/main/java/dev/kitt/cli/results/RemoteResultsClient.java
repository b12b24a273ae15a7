package dev.kitt.cli.results;

import dev.kitt.cli.KittApiClient;
import dev.kitt.trust.ServerTrust;
import dev.kitt.results.ResultQuery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** A KITT server's /api/v1/results, with the bearer token from --token or KITT_TOKEN. */
public final class RemoteResultsClient implements ResultsClient {
    private final KittApiClient api;

    public RemoteResultsClient(String serverUrl, String token, ServerTrust trust) {
        this.api = new KittApiClient(serverUrl, token, trust);
    }

    @Override
    public JsonObject list(ResultQuery q) {
        HttpRequest<Buffer> req = api.request(HttpMethod.GET, "/results")
                .addQueryParam("page", String.valueOf(q.page()))
                .addQueryParam("per_page", String.valueOf(q.perPage()));
        if (q.model() != null) {
            req.addQueryParam("model", q.model());
        }
        if (q.engine() != null) {
            req.addQueryParam("engine", q.engine());
        }
        if (q.suite() != null) {
            req.addQueryParam("suite", q.suite());
        }
        return api.send(req, null, true).bodyAsJsonObject();
    }

    @Override
    public JsonObject importDocument(String metricsJson) {
        return api.send(api.request(HttpMethod.POST, "/results"), Buffer.buffer(metricsJson), true).bodyAsJsonObject();
    }

    @Override
    public JsonObject get(String id) {
        HttpResponse<Buffer> res = api.send(api.request(HttpMethod.GET, "/results/" + id), null, true);
        return res.statusCode() == 404 ? null : res.bodyAsJsonObject();
    }

    @Override
    public void close() {
        api.close();
    }
}
