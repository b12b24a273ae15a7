package dev.kitt.server.metrics;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ApiException;
import dev.kitt.server.ErrorResponder;
import dev.kitt.server.ServerContext;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /metrics in the Prometheus text format. When metrics.require_token is set, any valid user
 * or API token may scrape (a viewer token is enough); agent tokens may not. The store-backed
 * gauges are refreshed first so a scrape always sees the latest results.
 */
public final class MetricsEndpoint {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsEndpoint() {
    }

    public static void mount(Vertx vertx, Router root, ServerContext ctx) {
        var route = root.get("/metrics");
        if (ctx.config().security().metricsRequireToken()) {
            route.handler(rc -> requireToken(rc, ctx));
        }
        route.handler(rc -> vertx.eventBus().request(Addresses.METRICS_REFRESH, null,
                        new DeliveryOptions().setSendTimeout(2_000))
                // A failed refresh still scrapes: stale result gauges beat no metrics at all.
                .onComplete(ar -> rc.response().putHeader("Content-Type", CONTENT_TYPE)
                        .end(ctx.metrics().scrape())));
        route.failureHandler(ErrorResponder::handle);
    }

    private static void requireToken(RoutingContext rc, ServerContext ctx) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            rc.fail(ApiException.unauthorized("metrics.require_token is set: send Authorization: Bearer <token>"));
            return;
        }
        ctx.auth().authenticate(header.substring(7).trim()).onSuccess(p -> {
            if (p.isAgent()) {
                rc.fail(ApiException.forbidden("an agent token cannot read /metrics"));
            } else {
                rc.next();
            }
        }).onFailure(rc::fail);
    }
}
