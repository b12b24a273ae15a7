package dev.kitt.auth;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * /api/v1/users: admins list, create, change and delete users; anyone signed in as a user reads
 * {@code users/me} and changes their own password. The last active admin cannot be removed.
 */
public final class UsersApi {
    private static final int MIN_PASSWORD = 8;

    private final AuthService auth;
    private final UserRepository users;

    public UsersApi(AuthService auth) {
        this.auth = auth;
        this.users = auth.users();
    }

    public void mount(Router api) {
        api.get("/users").handler(this::list);
        api.post("/users").handler(this::create);
        api.get("/users/me").handler(this::me);
        api.post("/users/me/password").handler(this::changeOwnPassword);
        api.get("/users/:id").handler(this::get);
        api.patch("/users/:id").handler(this::update);
        api.delete("/users/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        RoleGuard.requireAdmin(ctx);
        users.list().onSuccess(items -> Json.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String username = Json.requiredString(body, "username");
        if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiException.invalidField("username", "field 'username' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String password = password(body, "password");
        String role = Roles.from(body, "role", Roles.VIEWER);
        auth.hashPassword(password)
                .compose(hash -> users.create(username, hash, role))
                .onSuccess(id -> {
                    if (id == null) {
                        ctx.fail(ApiException.conflict("user '" + username + "' already exists"));
                    } else {
                        Json.reply(ctx, 201, new JsonObject().put("id", id).put("username", username).put("role", role));
                    }
                })
                .onFailure(ctx::fail);
    }

    private void me(RoutingContext ctx) {
        Principal who = BearerAuthHandler.principal(ctx);
        Json.ok(ctx, new JsonObject().put("id", who.id()).put("name", who.name()).put("role", who.role())
                .put("kind", who.kind().name().toLowerCase()));
    }

    private void changeOwnPassword(RoutingContext ctx) {
        Principal who = BearerAuthHandler.principal(ctx);
        if (who.kind() != Principal.Kind.USER) {
            throw ApiException.forbidden("only a signed-in user can change a password (API tokens have none)");
        }
        JsonObject body = Json.body(ctx);
        String current = Json.requiredString(body, "current_password");
        String next = password(body, "new_password");
        users.findById(who.id())
                .compose(user -> user == null ? Future.failedFuture(ApiException.notFound("user " + who.id()))
                        : auth.checkPassword(user, current))
                .compose(ok -> ok ? auth.hashPassword(next)
                        : Future.failedFuture(ApiException.forbidden("current_password is wrong")))
                .compose(hash -> users.setPassword(who.id(), hash))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        RoleGuard.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        users.findById(id).onSuccess(u -> {
            if (u == null) {
                ctx.fail(ApiException.notFound("user " + id));
            } else {
                Json.ok(ctx, view(u));
            }
        }).onFailure(ctx::fail);
    }

    /** PATCH {role?, disabled?, password?}: only the fields given change. */
    private void update(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = Json.body(ctx);
        Object disabledField = body.getValue("disabled");
        if (disabledField != null && !(disabledField instanceof Boolean)) {
            throw ApiException.invalidField("disabled", "field 'disabled' must be true or false");
        }
        String newPassword = body.containsKey("password") ? password(body, "password") : null;
        users.findById(id).compose(u -> {
            if (u == null) {
                return Future.failedFuture(ApiException.notFound("user " + id));
            }
            String role = Roles.from(body, "role", u.role());
            boolean disabled = disabledField == null ? u.disabled() : (Boolean) disabledField;
            boolean losesAdmin = Roles.ADMIN.equals(u.role()) && !u.disabled()
                    && (!Roles.ADMIN.equals(role) || disabled);
            return (losesAdmin ? guardLastAdmin() : Future.<Void>succeededFuture())
                    .compose(v -> users.update(id, role, disabled))
                    .compose(v -> newPassword == null ? Future.<Void>succeededFuture()
                            : auth.hashPassword(newPassword).compose(h -> users.setPassword(id, h)))
                    .compose(v -> users.findById(id));
        }).onSuccess(u -> Json.ok(ctx, view(u))).onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        users.findById(id).compose(u -> {
            if (u == null) {
                return Future.failedFuture(ApiException.notFound("user " + id));
            }
            boolean activeAdmin = Roles.ADMIN.equals(u.role()) && !u.disabled();
            return (activeAdmin ? guardLastAdmin() : Future.<Void>succeededFuture()).compose(v -> users.delete(id));
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private Future<Void> guardLastAdmin() {
        return users.activeAdmins().compose(n -> n <= 1
                ? Future.failedFuture(ApiException.conflict("this is the last active admin; create another admin first"))
                : Future.succeededFuture());
    }

    private static String password(JsonObject body, String field) {
        String p = Json.requiredString(body, field);
        if (p.length() < MIN_PASSWORD) {
            throw ApiException.invalidField(field, "field '" + field + "' must have at least " + MIN_PASSWORD + " characters");
        }
        return p;
    }

    private static JsonObject view(UserRepository.User u) {
        return new JsonObject().put("id", u.id()).put("username", u.username()).put("role", u.role())
                .put("disabled", u.disabled());
    }
}
