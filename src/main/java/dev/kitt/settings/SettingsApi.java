package dev.kitt.settings;

import dev.kitt.auth.BearerAuthHandler;
import dev.kitt.auth.Principal;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /settings (effective values and their origin) and PUT /settings (a partial update). */
public final class SettingsApi {
    private final SettingsService settings;

    public SettingsApi(SettingsService settings) {
        this.settings = settings;
    }

    public void mount(Router api) {
        api.get("/settings").handler(this::get);
        api.put("/settings").handler(this::put);
        api.patch("/settings").handler(this::put);
    }

    private void get(RoutingContext ctx) {
        settings.describe().onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
    }

    private void put(RoutingContext ctx) {
        Principal who = BearerAuthHandler.principal(ctx);
        if (who == null || !who.isAdmin()) {
            // Settings reach every user's view and hold integration keys: admins only.
            throw ApiException.forbidden("only an admin can change settings");
        }
        settings.update(Json.body(ctx)).compose(v -> settings.describe())
                .onSuccess(s -> Json.ok(ctx, s)).onFailure(ctx::fail);
    }
}
