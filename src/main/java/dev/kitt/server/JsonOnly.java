package dev.kitt.server;

import io.vertx.ext.web.RoutingContext;

/**
 * The API speaks JSON: a body sent as a form or multipart upload is refused with 415 before the
 * body handler tries to decode it as form fields.
 */
final class JsonOnly {
    private JsonOnly() {
    }

    static void check(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"))) {
            ctx.fail(new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json, got " + type.split(";")[0]));
            return;
        }
        ctx.next();
    }
}
