package dev.kitt.auth;

import dev.kitt.server.ApiException;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** The two roles: an admin changes things, a viewer reads. Users and API tokens carry one each. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    private static final Set<String> ALL = Set.of(ADMIN, VIEWER);

    private Roles() {
    }

    /** The role named in a request body field; 400 when absent (unless a fallback is given) or unknown. */
    public static String from(JsonObject body, String field, String fallback) {
        Object v = body.getValue(field);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (!(v instanceof String s) || !ALL.contains(s)) {
            throw ApiException.invalidField(field, "field '" + field + "' must be 'admin' or 'viewer'");
        }
        return s;
    }
}
