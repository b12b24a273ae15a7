package dev.kitt.cli.results;

import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import dev.kitt.results.ResultQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import dev.kitt.trust.ServerTrust;

/** A KITT server's /api/v1/results, with the bearer token from --token or KITT_TOKEN. */
public final class RemoteResultsClient implements ResultsClient {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final ServerTrust trust;
    private final String base;
    private final String token;

    public RemoteResultsClient(String serverUrl, String token, ServerTrust trust) {
        if (token == null || token.isBlank()) {
            vertx.close();
            throw new CliException("--server needs a token: pass --token or set KITT_TOKEN");
        }
        this.trust = trust;
        this.client = WebClient.create(vertx, trust.apply(new WebClientOptions()));
        this.base = serverUrl.replaceAll("/+$", "") + "/api/v1";
        this.token = token;
    }

    @Override
    public JsonObject list(ResultQuery q) {
        HttpRequest<Buffer> req = client.getAbs(base + "/results")
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
        return send(req, null).bodyAsJsonObject();
    }

    @Override
    public JsonObject importDocument(String metricsJson) {
        return send(client.postAbs(base + "/results"), Buffer.buffer(metricsJson)).bodyAsJsonObject();
    }

    @Override
    public JsonObject get(String id) {
        HttpResponse<Buffer> res = send(client.getAbs(base + "/results/" + id), null);
        return res.statusCode() == 404 ? null : res.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> send(HttpRequest<Buffer> req, Buffer body) {
        req.bearerTokenAuthentication(token).putHeader("Accept", "application/json");
        Future<HttpResponse<Buffer>> f = body == null ? req.send()
                : req.putHeader("Content-Type", "application/json").sendBuffer(body);
        HttpResponse<Buffer> res;
        try {
            res = Await.result(f);
        } catch (RuntimeException e) {
            throw new CliException("cannot reach " + base + ": " + trust.explain(e), e);
        }
        if (res.statusCode() >= 400 && res.statusCode() != 404) {
            String reason = res.bodyAsString();
            try {
                reason = res.bodyAsJsonObject().getString("error", reason);
            } catch (RuntimeException ignored) {
                // not JSON: show the raw body
            }
            throw new CliException("server answered HTTP " + res.statusCode() + ": " + reason);
        }
        return res;
    }

    @Override
    public void close() {
        Await.result(vertx.close());
    }
}
