package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Command routes, translated into event-bus requests to the dispatch verticle:
 * <pre>
 *   POST /agents/:id/commands   {type, payload, deadline_s?} → 202 {id, state}
 *   GET  /agents/:id/commands   POST /agents/:id/cleanup {model?}
 *   GET  /commands/:id          POST /commands/:id/cancel
 * </pre>
 */
public final class CommandsApi {
    private final Vertx vertx;
    private final CommandRepository commands;

    public CommandsApi(Vertx vertx, CommandRepository commands) {
        this.vertx = vertx;
        this.commands = commands;
    }

    public void mount(Router api) {
        api.post("/agents/:id/commands").handler(this::submit);
        api.get("/agents/:id/commands").handler(rc -> commands.ofAgent(rc.pathParam("id"), 100)
                .onSuccess(list -> Json.ok(rc, new JsonObject().put("items", list).put("total", list.size())
                        .put("page", 1).put("per_page", 100))).onFailure(rc::fail));
        api.post("/agents/:id/cleanup").handler(this::cleanup);
        api.get("/commands/:id").handler(rc -> commands.get(rc.pathParam("id")).onSuccess(c -> {
            if (c == null) {
                rc.fail(ApiException.notFound("command " + rc.pathParam("id")));
            } else {
                Json.ok(rc, c);
            }
        }).onFailure(rc::fail));
        api.post("/commands/:id/cancel").handler(rc -> vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_CANCEL,
                        new JsonObject().put("commandId", rc.pathParam("id")))
                .onSuccess(r -> Json.ok(rc, r.body())).onFailure(err -> rc.fail(translate(err))));
    }

    private void submit(RoutingContext rc) {
        JsonObject body = Json.body(rc);
        String type = Json.requiredString(body, "type");
        Object payload = body.getValue("payload", new JsonObject());
        if (!(payload instanceof JsonObject)) {
            throw ApiException.invalidField("payload", "payload must be a JSON object");
        }
        Object deadline = body.getValue("deadline_s");
        if (deadline != null && (!(deadline instanceof Integer d) || d < 1 || d > 7 * 24 * 3600)) {
            throw ApiException.invalidField("deadline_s", "deadline_s must be an integer number of seconds (1 to 604800)");
        }
        send(rc, new JsonObject().put("agentId", rc.pathParam("id")).put("type", type).put("payload", payload)
                .put("deadlineS", deadline));
    }

    private void cleanup(RoutingContext rc) {
        JsonObject body = rc.body().length() == 0 ? new JsonObject() : Json.body(rc);
        if (body.containsKey("model") && !(body.getValue("model") instanceof String)) {
            throw ApiException.invalidField("model", "model must be a string (omit it to delete every model)");
        }
        send(rc, new JsonObject().put("agentId", rc.pathParam("id")).put("type", "cleanup_storage")
                .put("payload", new JsonObject().put("model", body.getString("model"))));
    }

    private void send(RoutingContext rc, JsonObject request) {
        vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT, request)
                .onSuccess(r -> Json.reply(rc, 202, r.body()))
                .onFailure(err -> rc.fail(translate(err)));
    }

    static ApiException translate(Throwable err) {
        if (err instanceof ReplyException re && re.failureCode() >= 400 && re.failureCode() < 500) {
            String code = switch (re.failureCode()) {
                case 404 -> "not_found";
                case 409 -> "conflict";
                default -> "bad_request";
            };
            return new ApiException(re.failureCode(), code, re.getMessage());
        }
        return new ApiException(503, "unavailable", "command service unavailable: " + err.getMessage());
    }
}
