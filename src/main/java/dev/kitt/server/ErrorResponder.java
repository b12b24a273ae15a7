package dev.kitt.server;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: {"error": "...", "code": "..."} (plus
 * {"field"} when one input is at fault) with the right status. Domain exceptions map to status
 * codes here and nowhere else.
 */
public final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private ErrorResponder() {
    }

    /** For Router#errorHandler: the router itself decided the status (404, 405, 413...). */
    public static Handler<RoutingContext> forStatus(int status) {
        return ctx -> write(ctx, status, codeFor(status), ctx.failure() instanceof HttpException h
                && h.getPayload() != null ? h.getPayload() : defaultMessage(status, ctx));
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String code;
        String message;
        String field = null;
        if (failure instanceof ApiException api) {
            status = api.status();
            code = api.code();
            message = api.getMessage();
            field = api.field();
        } else if (failure instanceof DecodeException) {
            status = 400;
            code = "bad_json";
            message = "request body is not valid JSON";
        } else if (failure instanceof HttpException http) {
            status = http.getStatusCode();
            code = codeFor(status);
            message = http.getPayload() != null ? http.getPayload() : defaultMessage(status, ctx);
        } else if (failure == null) {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            code = codeFor(status);
            message = defaultMessage(status, ctx);
        } else {
            status = 500;
            code = "internal";
            message = "internal error";
            LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        }
        write(ctx, status, code, message, field);
    }

    private static void write(RoutingContext ctx, int status, String code, String message) {
        write(ctx, status, code, message, null);
    }

    private static void write(RoutingContext ctx, int status, String code, String message, String field) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(errorBody(message, code, field).encode());
    }

    /** {"error", "code"} plus "field" when one input is at fault. */
    static JsonObject errorBody(String message, String code, String field) {
        JsonObject body = new JsonObject().put("error", message).put("code", code);
        return field == null ? body : body.put("field", field);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    private static String defaultMessage(int status, RoutingContext ctx) {
        String path = ctx.request().path();
        return switch (status) {
            case 404 -> "no route for " + ctx.request().method() + " " + path;
            case 415 -> "Content-Type must be application/json";
            case 405 -> "method " + ctx.request().method() + " is not allowed on " + path;
            case 413 -> "request body exceeds the size limit";
            case 401 -> "missing or invalid bearer token";
            default -> "request failed with status " + status;
        };
    }
}
