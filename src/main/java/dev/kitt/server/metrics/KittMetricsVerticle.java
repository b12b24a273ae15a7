package dev.kitt.server.metrics;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Counts KITT's activity into the Prometheus registry from facts other packages already publish,
 * so they need no metrics code: agents (status, connected, heartbeat), commands (update), domain
 * events (run.completed), SSE subscribers (kitt.metrics.sse). Log lines are counted by watching
 * the bus (kitt.logs.append in, kitt.logs.live.* out) because those are point-to-point or per
 * source. Latest results are re-read from the store on refresh requests (before each scrape),
 * on run.completed and on a timer.
 */
public final class KittMetricsVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(KittMetricsVerticle.class);
    private static final long REFRESH_EVERY_MS = 60_000;

    private final ServerContext ctx;
    private FleetMeters fleet;
    private ActivityMeters activity;
    private LatestResultsGauges results;
    private io.vertx.core.Handler<DeliveryContext<Object>> interceptor;

    public KittMetricsVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        fleet = new FleetMeters(ctx.metrics(), System::currentTimeMillis);
        activity = new ActivityMeters(ctx.metrics(), System::currentTimeMillis);
        results = new LatestResultsGauges(ctx.db(), ctx.metrics());
        EventBus bus = vertx.eventBus();
        Future<Void> registered = Future.all(java.util.List.of(
                consume(bus, Addresses.AGENTS_STATUS, fleet::status),
                consume(bus, Addresses.AGENTS_CONNECTED, fleet::connected),
                consume(bus, Addresses.AGENTS_DISCONNECTED, fleet::disconnected),
                consume(bus, Addresses.AGENTS_HEARTBEAT, fleet::heartbeat),
                consume(bus, Addresses.COMMANDS_UPDATE, activity::command),
                // Subscribers of this node only: each node's gauge is its own, as its sockets are.
                consume(bus.<Object>localConsumer(Addresses.METRICS_SSE), activity::sse, Addresses.METRICS_SSE),
                consume(bus, Addresses.EVENTS, this::event),
                bus.<Object>localConsumer(Addresses.METRICS_REFRESH, this::refreshRequested).completion())).mapEmpty();
        interceptor = this::countLogLines;
        bus.addOutboundInterceptor(interceptor);
        vertx.setPeriodic(REFRESH_EVERY_MS, id -> refreshResults());
        return registered.compose(v -> results.refresh());
    }

    @Override
    public Future<?> stop() {
        vertx.eventBus().removeOutboundInterceptor(interceptor);
        return Future.succeededFuture();
    }

    private Future<Void> consume(EventBus bus, String address, Consumer<JsonObject> meter) {
        return consume(bus.<Object>consumer(address), meter, address);
    }

    private Future<Void> consume(MessageConsumer<Object> consumer, Consumer<JsonObject> meter, String address) {
        return consumer.handler(msg -> {
            try {
                meter.accept(Facts.toJson(msg.body()));
            } catch (RuntimeException e) {
                // A fact in a shape we do not know must never break the publisher's delivery.
                LOG.debug("ignored a fact on {}: {}", address, e.toString());
            }
        }).completion();
    }

    private void event(JsonObject event) {
        if ("run.completed".equals(event.getString("type"))) {
            activity.runCompleted(event);
            refreshResults();
        }
    }

    private void refreshRequested(Message<Object> msg) {
        results.refresh().onComplete(ar -> msg.reply(null));
    }

    private void refreshResults() {
        results.refresh().onFailure(err -> LOG.warn("cannot refresh the latest-results gauges: {}", err.getMessage()));
    }

    /** Runs on every send/publish: cheap prefix checks first, and always passes the message on. */
    private void countLogLines(DeliveryContext<Object> dc) {
        try {
            String address = dc.message().address();
            if (Addresses.LOGS_APPEND.equals(address)) {
                activity.logLines("in", Facts.lineCount(Facts.toJson(dc.body())));
            } else if (address.startsWith("kitt.logs.live.")) {
                activity.logLines("out", Facts.lineCount(Facts.toJson(dc.body())));
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot count log lines: {}", e.toString());
        }
        dc.next();
    }
}
