package dev.kitt.auth;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** /api/v1/api-tokens for admins: create (the secret is shown once), list (no secrets), revoke. */
public final class ApiTokensApi {
    private final ApiTokens tokens;

    public ApiTokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public void mount(Router api) {
        api.get("/api-tokens").handler(this::list);
        api.post("/api-tokens").handler(this::create);
        api.delete("/api-tokens/:id").handler(this::revoke);
    }

    private void list(RoutingContext ctx) {
        RoleGuard.requireAdmin(ctx);
        tokens.list().onSuccess(items -> Json.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String name = Json.requiredString(body, "name");
        if (name.length() > 100) {
            throw ApiException.invalidField("name", "field 'name' must have at most 100 characters");
        }
        String role = Roles.from(body, "role", null);
        tokens.create(name, role, BearerAuthHandler.principal(ctx).id())
                .onSuccess(created -> Json.reply(ctx, 201, created))
                .onFailure(ctx::fail);
    }

    private void revoke(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        tokens.revoke(id).onSuccess(found -> {
            if (found) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(ApiException.notFound("API token " + id));
            }
        }).onFailure(ctx::fail);
    }
}
