package dev.kitt.cli.campaign;

import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import dev.kitt.trust.ServerTrust;

/** A KITT server's /api/v1/campaigns with the bearer token from --token or KITT_TOKEN. */
public final class RemoteCampaignClient implements CampaignClient {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final ServerTrust trust;
    private final String base;
    private final String token;

    public RemoteCampaignClient(String serverUrl, String token, ServerTrust trust) {
        if (token == null || token.isBlank()) {
            vertx.close();
            throw new CliException("--server needs a token: pass --token or set KITT_TOKEN");
        }
        this.trust = trust;
        this.client = WebClient.create(vertx, trust.apply(new WebClientOptions()));
        this.base = serverUrl.replaceAll("/+$", "") + "/api/v1";
        this.token = token;
    }

    /** Sends a request; any 4xx/5xx becomes a one-line CliException with the server's reason. */
    public HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
        HttpRequest<Buffer> req = client.requestAbs(method, base + path).bearerTokenAuthentication(token);
        HttpResponse<Buffer> res;
        try {
            res = Await.result(body == null ? req.send()
                    : req.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()));
        } catch (RuntimeException e) {
            throw new CliException("cannot reach " + base + ": " + trust.explain(e), e);
        }
        if (res.statusCode() >= 400) {
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
    public JsonObject list() {
        return send(HttpMethod.GET, "/campaigns?per_page=500", null).bodyAsJsonObject();
    }

    @Override
    public JsonObject report(String id) {
        JsonObject json = send(HttpMethod.GET, "/campaigns/" + id + "/report?format=json", null).bodyAsJsonObject();
        return json.put("markdown", send(HttpMethod.GET, "/campaigns/" + id + "/report?format=md", null).bodyAsString());
    }

    @Override
    public JsonObject addSchedule(String yaml, String cron) {
        return send(HttpMethod.POST, "/campaigns/schedules", new JsonObject().put("yaml", yaml).put("cron", cron))
                .bodyAsJsonObject();
    }

    @Override
    public JsonObject schedules() {
        return send(HttpMethod.GET, "/campaigns/schedules", null).bodyAsJsonObject();
    }

    @Override
    public boolean removeSchedule(String id) {
        send(HttpMethod.DELETE, "/campaigns/schedules/" + id, null);
        return true;
    }

    @Override
    public void close() {
        Await.result(vertx.close());
    }
}
