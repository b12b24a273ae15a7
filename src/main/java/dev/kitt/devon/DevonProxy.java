package dev.kitt.devon;

import dev.kitt.auth.AuthService;
import dev.kitt.auth.RoleGuard;
import dev.kitt.server.ApiException;
import dev.kitt.settings.Setting;
import dev.kitt.settings.SettingsService;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Forwards /devon-app/** to the configured Devon URL, streaming both bodies. The Devon UI loads in
 * an iframe, which cannot send an Authorization header, so the caller proves itself with the
 * {@code kitt_token} cookie (the same JWT, set by the web app on login, path /devon-app only).
 * The proxy strips that cookie and adds Devon's API key as {@code Authorization: Bearer} and
 * {@code X-API-Key}. Roles apply as on the API: a viewer may only GET and HEAD through the proxy
 * (403 otherwise, before anything reaches Devon); an admin may use every method.
 */
public final class DevonProxy {
    public static final String PREFIX = "/devon-app";
    public static final String COOKIE = "kitt_token";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "cookie", "authorization");

    private final HttpClient client;
    private final SettingsService settings;
    private final AuthService auth;

    public DevonProxy(HttpClient client, SettingsService settings, AuthService auth) {
        this.client = client;
        this.settings = settings;
        this.auth = auth;
    }

    public void mount(Router root) {
        root.route(PREFIX + "/*").handler(this::forward);
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        in.pause();
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null) {
            ctx.fail(ApiException.unauthorized("log in to KITT first: the Devon tab needs the kitt_token cookie"));
            return;
        }
        auth.verifyJwt(cookie.getValue())
                // Roles apply here as on /api/v1: Devon gets the admin-configured key, so a
                // viewer's change must stop before it is forwarded.
                .compose(who -> {
                    ApiException refused = RoleGuard.refuseUnlessAllowed(who, in.method());
                    return refused == null ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(refused);
                })
                .compose(v -> Future.all(settings.value(Setting.DEVON_URL), settings.value(Setting.DEVON_API_KEY)))
                .compose(values -> {
                    String base = values.resultAt(0);
                    if (base == null) {
                        return Future.failedFuture(new ApiException(404, "devon_not_configured",
                                "no Devon URL is set (Settings → Integrations)"));
                    }
                    String key = values.resultAt(1);
                    String rest = in.uri().substring(PREFIX.length());
                    RequestOptions opts = new RequestOptions().setMethod(in.method())
                            .setAbsoluteURI(base + (rest.isEmpty() ? "/" : rest));
                    return client.request(opts).compose(out -> {
                        copy(in.headers(), out.headers());
                        if (key != null) {
                            out.putHeader("Authorization", "Bearer " + key).putHeader("X-API-Key", key);
                        }
                        return out.send(in);
                    });
                })
                .onSuccess(res -> relay(ctx, res))
                .onFailure(err -> {
                    in.resume();
                    ctx.fail(err instanceof ApiException ? err
                            : new ApiException(502, "devon_unreachable", "Devon did not answer: " + err.getMessage()));
                });
    }

    private static void relay(RoutingContext ctx, HttpClientResponse res) {
        var out = ctx.response().setStatusCode(res.statusCode());
        copy(res.headers(), out.headers());
        if (res.headers().get(HttpHeaders.CONTENT_LENGTH) == null) {
            out.setChunked(true);
        }
        res.pipeTo(out);
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(e -> {
            if (!HOP_BY_HOP.contains(e.getKey().toLowerCase())) {
                to.add(e.getKey(), e.getValue());
            }
        });
    }
}
