package dev.kitt.auth;

import dev.kitt.server.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * The one place where roles are enforced, right after {@link BearerAuthHandler}: a viewer may
 * only read (GET, HEAD) apart from a few listed read-like POSTs; an admin may do everything;
 * an agent token reaches only the agent paths and gets 403 on every user endpoint.
 */
public final class RoleGuard implements Handler<RoutingContext> {
    private final Set<String> publicPaths;
    private final Set<String> viewerWrites;
    private final Set<String> agentPaths;

    /**
     * @param publicPaths  paths that need no token (let through untouched)
     * @param viewerWrites "METHOD /path" pairs a viewer may call although they are not reads
     * @param agentPaths   paths (or path prefixes ending in "/") an agent token may reach
     */
    public RoleGuard(Set<String> publicPaths, Set<String> viewerWrites, Set<String> agentPaths) {
        this.publicPaths = publicPaths;
        this.viewerWrites = viewerWrites;
        this.agentPaths = agentPaths;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (publicPaths.contains(path)) {
            ctx.next();
            return;
        }
        Principal who = BearerAuthHandler.principal(ctx);
        if (who == null) {
            ctx.fail(ApiException.unauthorized("missing bearer token (Authorization: Bearer <token>)"));
        } else if (who.isAgent()) {
            if (isAgentPath(path)) {
                ctx.next();
            } else {
                ctx.fail(ApiException.forbidden("an agent token cannot call user endpoints"));
            }
        } else if (who.isAdmin() || isRead(ctx.request().method())
                || viewerWrites.contains(ctx.request().method().name() + " " + path)) {
            ctx.next();
        } else {
            ctx.fail(readOnly(who));
        }
    }

    /**
     * The same rule for routes outside /api/v1 that identify the caller themselves (the Devon
     * proxy): an admin may do anything, anyone else only GET and HEAD. Null when allowed, else
     * the 403 to fail with.
     */
    public static ApiException refuseUnlessAllowed(Principal who, HttpMethod method) {
        return who.isAdmin() || isRead(method) ? null : readOnly(who);
    }

    private static ApiException readOnly(Principal who) {
        return ApiException.forbidden("the " + who.role() + " role can only read; this action needs the admin role");
    }

    private boolean isAgentPath(String path) {
        for (String p : agentPaths) {
            if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /** For reads that only admins may see (users, API tokens): 403 for anyone else. */
    public static void requireAdmin(RoutingContext ctx) {
        if (!BearerAuthHandler.principal(ctx).isAdmin()) {
            throw ApiException.forbidden("this action needs the admin role");
        }
    }
}
