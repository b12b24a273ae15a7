package dev.kitt.devon;

import dev.kitt.server.Json;
import dev.kitt.settings.Setting;
import dev.kitt.settings.SettingsService;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /devon/status: whether Devon is configured, reachable, and whether its tab shows. */
public final class DevonStatusApi {
    private static final long TIMEOUT_MS = 3_000;

    private final HttpClient client;
    private final SettingsService settings;

    public DevonStatusApi(HttpClient client, SettingsService settings) {
        this.client = client;
        this.settings = settings;
    }

    public void mount(Router api) {
        api.get("/devon/status").handler(this::status);
    }

    private void status(RoutingContext ctx) {
        Future.all(settings.value(Setting.DEVON_URL), settings.value(Setting.DEVON_API_KEY),
                settings.value(Setting.DEVON_TAB_VISIBLE)).compose(v -> {
                    String url = v.resultAt(0);
                    String key = v.resultAt(1);
                    JsonObject out = new JsonObject().put("configured", url != null).put("url", url)
                            .put("api_key_set", key != null)
                            .put("tab_visible", url != null && Boolean.parseBoolean(v.resultAt(2)))
                            .put("proxy_path", DevonProxy.PREFIX + "/");
                    if (url == null) {
                        return Future.succeededFuture(out.put("reachable", false));
                    }
                    long started = System.nanoTime();
                    RequestOptions opts = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url + "/")
                            .setIdleTimeout(TIMEOUT_MS).setConnectTimeout(TIMEOUT_MS);
                    if (key != null) {
                        opts.putHeader("Authorization", "Bearer " + key).putHeader("X-API-Key", key);
                    }
                    return client.request(opts).compose(req -> req.send()).compose(res -> res.body().map(b -> out
                                    .put("reachable", res.statusCode() < 500).put("http_status", res.statusCode())
                                    .put("latency_ms", (System.nanoTime() - started) / 1_000_000)))
                            .recover(err -> Future.succeededFuture(out.put("reachable", false)
                                    .put("problem", String.valueOf(err.getMessage()))));
                }).onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
    }
}
