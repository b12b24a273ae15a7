package dev.kitt.auth;

import dev.kitt.server.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Requires "Authorization: Bearer ..." (a JWT, an API token, or a token kind registered through
 * {@link AuthService#addVerifier}) on every route it guards and puts the caller's
 * {@link Principal} on the context. Missing or invalid tokens fail with 401 and a JSON reason.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {
    private final AuthService auth;
    private final Set<String> publicPaths;

    /** @param publicPaths paths that need no token, let through so a wrong method still gets 405 */
    public BearerAuthHandler(AuthService auth, Set<String> publicPaths) {
        this.auth = auth;
        this.publicPaths = publicPaths;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (publicPaths.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String token = token(ctx);
        if (token == null) {
            ctx.fail(ApiException.unauthorized("missing bearer token (Authorization: Bearer <token>)"));
            return;
        }
        auth.authenticate(token)
                .onSuccess(principal -> {
                    ctx.put(Principal.CONTEXT_KEY, principal);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /**
     * The bearer token from the Authorization header; for GET on an SSE path (".../stream") also
     * from {@code ?access_token=}, because a browser's EventSource cannot set headers.
     */
    static String token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return header.substring(7).trim();
        }
        if (ctx.request().method() == HttpMethod.GET && ctx.normalizedPath().endsWith("/stream")) {
            String q = ctx.request().getParam("access_token");
            return q == null || q.isBlank() ? null : q;
        }
        return null;
    }

    public static Principal principal(RoutingContext ctx) {
        return ctx.get(Principal.CONTEXT_KEY);
    }
}
