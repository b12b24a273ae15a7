package dev.kitt.server;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers that keep browsers strict with the SPA and the API: no framing, no MIME sniffing, no
 * referrer leaking run ids, and a content policy allowing only KITT's own origin. HSTS only over
 * TLS, where it means something.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    void handle(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        res.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (tls) {
            res.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.next();
    }
}
