package dev.kitt.cli.campaign;

import dev.kitt.cli.KittApiClient;
import dev.kitt.trust.ServerTrust;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;

/** A KITT server's /api/v1/campaigns with the bearer token from --token or KITT_TOKEN. */
public final class RemoteCampaignClient implements CampaignClient {
    private final KittApiClient api;

    public RemoteCampaignClient(String serverUrl, String token, ServerTrust trust) {
        this.api = new KittApiClient(serverUrl, token, trust);
    }

    /** Sends a request; any 4xx/5xx becomes a one-line CliException with the server's reason. */
    public HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
        return api.send(api.request(method, path), body == null ? null : body.toBuffer(), false);
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
    public JsonObject addSchedule(JsonObject definition, String cron) {
        return send(HttpMethod.POST, "/campaigns/schedules", definition.copy().put("cron", cron)).bodyAsJsonObject();
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
    public List<String> log(String campaignId, Integer seq) {
        JsonObject campaign = send(HttpMethod.GET, "/campaigns/" + campaignId, null).bodyAsJsonObject();
        List<String> out = new ArrayList<>();
        if (seq == null) {
            send(HttpMethod.GET, "/campaigns/" + campaignId + "/logs?limit=10000", null).bodyAsJsonObject()
                    .getJsonArray("lines").forEach(l -> out.add(((JsonObject) l).getString("line")));
            return out;
        }
        List<JsonObject> runs = campaign.getJsonArray("runs").stream().map(o -> (JsonObject) o).toList();
        String source = CampaignClient.runLogSource(campaignId, runs, seq);
        long after = 0;
        while (true) {
            JsonObject page = send(HttpMethod.GET, "/logs/" + source + "?limit=5000&after=" + after, null).bodyAsJsonObject();
            page.getJsonArray("items").forEach(l -> out.add(((JsonObject) l).getString("line")));
            if (page.getBoolean("complete", true) || page.getLong("next_after") == after) {
                return out;
            }
            after = page.getLong("next_after");
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
