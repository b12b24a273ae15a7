package dev.kitt.auth;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** POST /api/v1/auth/login {"username","password"} → {"token"}. */
public final class AuthApi {
    private final AuthService auth;

    public AuthApi(AuthService auth) {
        this.auth = auth;
    }

    public void mount(Router api) {
        api.post("/auth/login").handler(this::login);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String username = Json.requiredString(body, "username");
        String password = Json.requiredString(body, "password");
        auth.login(username, password)
                .onSuccess(token -> Json.ok(ctx, new JsonObject().put("token", token)))
                .onFailure(ctx::fail);
    }

    static void requireAdmin(RoutingContext ctx) {
        if (!BearerAuthHandler.principal(ctx).isAdmin()) {
            throw ApiException.forbidden("this action needs the admin role");
        }
    }
}
