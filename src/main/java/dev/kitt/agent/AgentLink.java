package dev.kitt.agent;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import dev.kitt.trust.ServerTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;

/**
 * The agent's one WebSocket to its server. Connects with the agent token, says hello, hands every
 * frame to the daemon, and reconnects with {@link Backoff} whenever the link drops, to the next of
 * its servers when it has several (the nodes of a cluster). A 401 or 403 at the upgrade (bad or
 * revoked token, missing client certificate) and a server whose certificate fails the pinned CA
 * stop it with a clear reason instead of retrying: neither heals by itself.
 */
final class AgentLink {
    private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);

    interface Listener {
        JsonObject hello();

        void onFrame(JsonObject frame);

        void onDown();

        void onFatal(String reason);
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final List<WebSocketConnectOptions> connects;
    private int next;
    private final Backoff backoff;
    private final Listener listener;
    private final ServerTrust trust;
    private WebSocket ws;
    private boolean stopped;
    private long retryTimer = -1;

    AgentLink(Vertx vertx, AgentConfig config, ServerTrust trust, Backoff backoff, Listener listener) {
        this.vertx = vertx;
        this.backoff = backoff;
        this.listener = listener;
        this.trust = trust;
        List<URI> servers = config.servers().stream().map(URI::create).toList();
        boolean tls = servers.stream().anyMatch(AgentLink::tls);
        WebSocketClientOptions options = new WebSocketClientOptions().setSsl(tls)
                .setMaxMessageSize(16 * 1024 * 1024).setConnectTimeout(10_000);
        this.client = vertx.createWebSocketClient(tls ? trust.apply(options) : options);
        this.connects = servers.stream().map(server -> {
            int port = server.getPort() > 0 ? server.getPort() : (tls(server) ? 443 : 80);
            String base = server.getPath() == null ? "" : server.getPath().replaceAll("/$", "");
            return new WebSocketConnectOptions().setHost(server.getHost()).setPort(port).setSsl(tls(server))
                    .setURI(base + "/api/v1/agents/connect")
                    .addHeader("Authorization", "Bearer " + config.token());
        }).toList();
    }

    private static boolean tls(URI server) {
        return "https".equals(server.getScheme()) || "wss".equals(server.getScheme());
    }

    /** The server the next connection goes to; a drop or failed attempt moves on to the next (cluster nodes). */
    private WebSocketConnectOptions current() {
        return connects.get(next % connects.size());
    }

    void start() {
        open();
    }

    private void open() {
        if (stopped) {
            return;
        }
        trust.clearRefusal();
        client.connect(current()).onSuccess(socket -> {
            if (stopped) {
                socket.close();
                return;
            }
            ws = socket;
            socket.textMessageHandler(text -> {
                try {
                    listener.onFrame(new JsonObject(text));
                } catch (RuntimeException e) {
                    LOG.warn("ignoring a frame the agent cannot read: {}", e.getMessage());
                }
            });
            socket.closeHandler(v -> down("closed" + (socket.closeStatusCode() == null ? ""
                    : " (" + socket.closeStatusCode() + " " + socket.closeReason() + ")")));
            socket.exceptionHandler(err -> LOG.debug("socket error: {}", err.getMessage()));
            send(listener.hello());
        }).onFailure(err -> {
            if (err instanceof UpgradeRejectedException rejected
                    && (rejected.getStatus() == 401 || rejected.getStatus() == 403)) {
                stopped = true;
                listener.onFatal("the server refused this agent (HTTP " + rejected.getStatus() + ": "
                        + reason(rejected) + "); re-enroll with `kitt agent init`");
                return;
            }
            if (trust.refusal() != null) {
                stopped = true;
                listener.onFatal("refusing the server at " + current().getHost() + ":" + current().getPort() + ": "
                        + trust.refusal());
                return;
            }
            LOG.info("cannot reach the server {}:{}: {}", current().getHost(), current().getPort(), err.getMessage());
            next++;
            retry();
        });
    }

    private static String reason(UpgradeRejectedException rejected) {
        try {
            return new JsonObject(rejected.getBody()).getString("error", "no reason given");
        } catch (RuntimeException e) {
            return "no reason given";
        }
    }

    private void down(String why) {
        ws = null;
        LOG.info("link {}", why);
        next++;
        listener.onDown();
        retry();
    }

    private void retry() {
        if (!stopped) {
            long delay = backoff.nextDelayMs();
            retryTimer = vertx.setTimer(delay, t -> open());
        }
    }

    /** Called once the server's welcome arrives: the link is good, so the next drop starts small. */
    void welcomed() {
        backoff.reset();
    }

    boolean connected() {
        return ws != null && !ws.isClosed();
    }

    boolean send(JsonObject frame) {
        WebSocket socket = ws;
        if (socket == null || socket.isClosed()) {
            return false;
        }
        socket.writeTextMessage(frame.encode());
        return true;
    }

    /** Drops the socket without stopping: used by tests to cut the link mid-run. */
    void cut() {
        WebSocket socket = ws;
        if (socket != null) {
            socket.close();
        }
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(retryTimer);
        WebSocket socket = ws;
        if (socket != null) {
            socket.close();
        }
        client.close();
    }
}
