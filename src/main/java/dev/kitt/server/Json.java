package dev.kitt.server;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers at the HTTP edge: read a JSON body strictly, write JSON replies. */
public final class Json {
    private Json() {
    }

    /** The request body as a JSON object; 400 naming the problem otherwise. */
    public static JsonObject body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            throw new ApiException(400, "bad_json", "request body is not valid JSON: " + shortReason(e));
        }
        if (!(parsed instanceof JsonObject obj)) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return obj;
    }

    public static String requiredString(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw ApiException.invalidField(field, "field '" + field + "' is required and must be a non-empty string");
        }
        return s;
    }

    public static void ok(RoutingContext ctx, Object body) {
        reply(ctx, 200, body);
    }

    public static void reply(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(io.vertx.core.json.Json.encode(body));
    }

    private static String shortReason(DecodeException e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        msg = nl < 0 ? msg : msg.substring(0, nl);
        return msg.length() > 200 ? msg.substring(0, 200) : msg;
    }
}
