package dev.kitt.server;

import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Typed query parameters; a malformed one is a 400 that names the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    public static int integer(RoutingContext ctx, String name, int fallback, int min, int max) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be an integer");
        }
    }

    public static Boolean bool(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    /** Epoch milliseconds or an ISO-8601 instant. */
    public static Long time(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(v.trim()).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw invalid(name, "must be epoch milliseconds or an ISO-8601 instant such as 2026-01-31T00:00:00Z");
            }
        }
    }

    public static String oneOf(RoutingContext ctx, String name, String fallback, List<String> allowed) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static ApiException invalid(String name, String problem) {
        return new ApiException(400, "invalid_parameter", "query parameter '" + name + "' " + problem, name);
    }
}
