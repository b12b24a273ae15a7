package dev.kitt.models;

import dev.kitt.server.Json;
import dev.kitt.settings.Setting;
import dev.kitt.settings.SettingsService;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;

/** GET /models: what the model directory (as currently set) and its Devon manifest hold. */
public final class ModelsApi {
    private final Vertx vertx;
    private final SettingsService settings;

    public ModelsApi(Vertx vertx, SettingsService settings) {
        this.vertx = vertx;
        this.settings = settings;
    }

    public void mount(Router api) {
        api.get("/models").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        settings.value(Setting.MODEL_DIR)
                .compose(dir -> vertx.executeBlocking(() -> ModelScanner.scan(Path.of(dir)), false))
                .onSuccess(page -> Json.ok(ctx, page.put("total", page.getJsonArray("items").size())))
                .onFailure(ctx::fail);
    }
}
