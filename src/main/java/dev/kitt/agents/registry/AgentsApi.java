package dev.kitt.agents.registry;

import dev.kitt.agents.gateway.Frames;
import dev.kitt.auth.BearerAuthHandler;
import dev.kitt.auth.Principal;
import dev.kitt.bus.Addresses;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Supplier;

/**
 * The user-facing /api/v1 routes of the fleet (behind the bearer handler):
 * <pre>
 *   POST   /enrollment-tokens            GET /enrollment-tokens     DELETE /enrollment-tokens/:id
 *   GET    /agents                       GET|PATCH|DELETE /agents/:id
 *   GET|PUT /agents/:id/settings         POST /agents/:id/rotate-token, /agents/:id/revoke
 *   POST   /agents/test                  (a test agent with chosen hardware)
 * </pre>
 * Commands have their own routes in {@link CommandsApi}.
 */
public final class AgentsApi {
    private final Vertx vertx;
    private final AgentRepository agents;
    private final EnrollmentRepository enrollment;
    private final Supplier<String> caFingerprint;

    public AgentsApi(Vertx vertx, AgentRepository agents, EnrollmentRepository enrollment) {
        this(vertx, agents, enrollment, () -> null);
    }

    /** @param caFingerprint KITT's CA fingerprint once TLS is prepared (null over plain http) */
    public AgentsApi(Vertx vertx, AgentRepository agents, EnrollmentRepository enrollment, Supplier<String> caFingerprint) {
        this.vertx = vertx;
        this.agents = agents;
        this.enrollment = enrollment;
        this.caFingerprint = caFingerprint;
    }

    public void mount(Router api) {
        api.post("/enrollment-tokens").handler(this::createEnrollment);
        api.get("/enrollment-tokens").handler(rc -> enrollment.list().onSuccess(l -> Json.ok(rc, page(l))).onFailure(rc::fail));
        api.delete("/enrollment-tokens/:id").handler(rc -> enrollment.revoke(rc.pathParam("id"))
                .onSuccess(ok -> done(rc, ok, "active enrollment token " + rc.pathParam("id"))).onFailure(rc::fail));
        api.post("/agents/test").handler(this::createTest);
        api.get("/agents").handler(rc -> agents.list().onSuccess(l -> Json.ok(rc, page(l))).onFailure(rc::fail));
        api.get("/agents/:id").handler(rc -> agents.get(rc.pathParam("id")).onSuccess(a -> found(rc, a)).onFailure(rc::fail));
        api.patch("/agents/:id").handler(this::patch);
        api.delete("/agents/:id").handler(this::delete);
        api.get("/agents/:id/settings").handler(rc -> agents.settings(rc.pathParam("id"))
                .onSuccess(s -> found(rc, s)).onFailure(rc::fail));
        api.put("/agents/:id/settings").handler(this::putSettings);
        api.post("/agents/:id/rotate-token").handler(this::rotate);
        api.post("/agents/:id/revoke").handler(this::revoke);
    }

    private void createEnrollment(RoutingContext rc) {
        admin(rc);
        JsonObject body = rc.body().length() == 0 ? new JsonObject() : Json.body(rc);
        Object ttl = body.getValue("ttl_minutes", 60);
        if (!(ttl instanceof Integer minutes) || minutes < 1 || minutes > 24 * 60) {
            throw ApiException.invalidField("ttl_minutes", "ttl_minutes must be an integer from 1 to 1440");
        }
        String fingerprint = caFingerprint.get();
        enrollment.create(body.getString("name"), minutes * 60_000L)
                .onSuccess(t -> Json.reply(rc, 201, t.put("ca_fingerprint", fingerprint).put("install_command",
                        InstallCommand.of(InstallCommand.serverUrl(rc), t.getString("token"), fingerprint))))
                .onFailure(rc::fail);
    }

    private void createTest(RoutingContext rc) {
        JsonObject body = Json.body(rc);
        String name = Json.requiredString(body, "name");
        JsonObject hardware = TestHardware.from(body.getValue("hardware"));
        agents.create(name, "test-agent", hardware, true)
                .compose(created -> agents.get(created.id()))
                .onSuccess(a -> {
                    vertx.eventBus().publish(Addresses.AGENTS_STATUS, new JsonObject().put("agentId", a.getString("id"))
                            .put("old", "offline").put("new", "online").put("at", System.currentTimeMillis()));
                    Json.reply(rc, 201, a);
                })
                .onFailure(rc::fail);
    }

    private void patch(RoutingContext rc) {
        JsonObject body = Json.body(rc);
        for (String key : body.fieldNames()) {
            if (!key.equals("name") && !key.equals("tags") && !key.equals("notes")) {
                throw ApiException.invalidField(key, "field '" + key + "' cannot be changed (name, tags, notes can)");
            }
        }
        if (body.containsKey("name")) {
            Json.requiredString(body, "name");
        }
        if (body.containsKey("tags") && !(body.getValue("tags") instanceof JsonArray tags
                && tags.stream().allMatch(t -> t instanceof String))) {
            throw ApiException.invalidField("tags", "tags must be an array of strings");
        }
        if (body.containsKey("notes") && !(body.getValue("notes") instanceof String)) {
            throw ApiException.invalidField("notes", "notes must be a string");
        }
        String id = rc.pathParam("id");
        agents.update(id, body.getString("name"), body.getJsonArray("tags"), body.getString("notes"))
                .compose(ok -> agents.get(id)).onSuccess(a -> found(rc, a)).onFailure(rc::fail);
    }

    private void delete(RoutingContext rc) {
        admin(rc);
        String id = rc.pathParam("id");
        agents.delete(id).onSuccess(ok -> {
            if (ok) {
                vertx.eventBus().publish(Addresses.AGENTS_TOKEN_CHANGED, new JsonObject().put("agentId", id));
            }
            done(rc, ok, "agent " + id);
        }).onFailure(rc::fail);
    }

    private void putSettings(RoutingContext rc) {
        JsonObject body = Json.body(rc);
        String id = rc.pathParam("id");
        agents.settings(id).compose(current -> {
            if (current == null) {
                return Future.failedFuture(ApiException.notFound("agent " + id));
            }
            JsonObject merged = AgentSettings.merge(current, body);
            return agents.putSettings(id, merged).map(v -> merged);
        }).onSuccess(settings -> {
            // Pushed the moment it changes; an offline agent gets it in its next welcome.
            vertx.eventBus().send(Addresses.agentOut(id), Frames.settings(settings));
            Json.ok(rc, settings);
        }).onFailure(rc::fail);
    }

    private void rotate(RoutingContext rc) {
        admin(rc);
        String id = rc.pathParam("id");
        agents.rotateToken(id).onSuccess(token -> {
            if (token == null) {
                rc.fail(ApiException.notFound("agent " + id));
                return;
            }
            vertx.eventBus().publish(Addresses.AGENTS_TOKEN_CHANGED, new JsonObject().put("agentId", id));
            Json.ok(rc, new JsonObject().put("agent_id", id).put("token", token));
        }).onFailure(rc::fail);
    }

    private void revoke(RoutingContext rc) {
        admin(rc);
        String id = rc.pathParam("id");
        agents.revoke(id).onSuccess(ok -> {
            if (ok) {
                vertx.eventBus().publish(Addresses.AGENTS_TOKEN_CHANGED, new JsonObject().put("agentId", id));
            }
            done(rc, ok, "agent " + id);
        }).onFailure(rc::fail);
    }

    private static void admin(RoutingContext rc) {
        Principal p = BearerAuthHandler.principal(rc);
        if (p != null && !p.isAdmin()) {
            throw ApiException.forbidden("only admins manage agent credentials");
        }
    }

    static JsonObject page(JsonArray items) {
        return new JsonObject().put("items", items).put("total", items.size()).put("page", 1).put("per_page", items.size());
    }

    private static void found(RoutingContext rc, JsonObject value) {
        if (value == null) {
            rc.fail(ApiException.notFound("agent " + rc.pathParam("id")));
        } else {
            Json.ok(rc, value);
        }
    }

    private static void done(RoutingContext rc, boolean ok, String what) {
        if (ok) {
            rc.response().setStatusCode(204).end();
        } else {
            rc.fail(ApiException.notFound(what));
        }
    }
}
