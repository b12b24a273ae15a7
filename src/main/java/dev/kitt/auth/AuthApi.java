package dev.kitt.auth;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /api/v1/auth/login {"username","password"} → {"token"}. Failed attempts are counted per
 * username and client address (cluster-wide in a cluster); past the limit the answer is 429 with
 * Retry-After.
 */
public final class AuthApi {
    private final AuthService auth;
    private final LoginLimiter limiter;

    public AuthApi(AuthService auth, LoginLimiter limiter) {
        this.auth = auth;
        this.limiter = limiter;
    }

    public void mount(Router api) {
        api.post("/auth/login").handler(this::login);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String username = Json.requiredString(body, "username");
        String password = Json.requiredString(body, "password");
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
        limiter.retryAfter(username, address).onComplete(checked -> {
            long wait = checked.succeeded() ? checked.result() : 0;
            if (wait > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                ctx.fail(new ApiException(429, "rate_limited",
                        "too many failed logins for this user from this address; retry in " + wait + " s"));
                return;
            }
            attempt(ctx, username, password, address);
        });
    }

    private void attempt(RoutingContext ctx, String username, String password, String address) {
        auth.login(username, password)
                .onSuccess(token -> limiter.recordSuccess(username, address)
                        .onComplete(done -> Json.ok(ctx, new JsonObject().put("token", token))))
                .onFailure(err -> {
                    // The failure is counted before the answer, so a client's next attempt sees it on any node.
                    if (err instanceof ApiException api && api.status() == 401) {
                        limiter.recordFailure(username, address).onComplete(done -> ctx.fail(err));
                    } else {
                        ctx.fail(err);
                    }
                });
    }
}
