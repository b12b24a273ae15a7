package dev.kitt.agent;

import dev.kitt.Version;
import dev.kitt.hardware.GpuSampler;
import dev.kitt.hardware.HardwareProbe;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent daemon: loads agent.yaml, its ledger and outbox, keeps the link to the server, sends
 * heartbeats at the interval the server chose, runs commands through {@link CommandRunner} and
 * writes a status file for `kitt agent status`.
 */
public final class AgentDaemon extends VerticleBase implements AgentLink.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);

    private final AgentOptions options;
    private final AgentConfig config;
    private AgentLink link;
    private DiskOutbox outbox;
    private CommandLedger ledger;
    private CommandRunner runner;
    private JsonObject hardware = new JsonObject();
    private JsonObject settings = new JsonObject();
    private long heartbeatTimer = -1;
    private final long startedAt = System.currentTimeMillis();
    private volatile String fatal;
    private volatile boolean welcomed;

    public AgentDaemon(AgentOptions options) {
        this.options = options;
        this.config = AgentConfig.load(options.home());
    }

    @Override
    public Future<?> start() {
        outbox = new DiskOutbox(vertx, options.home().resolve("outbox"));
        ledger = new CommandLedger(vertx, options.home().resolve("state").resolve("commands"));
        runner = new CommandRunner(vertx, config, options, ledger, outbox, this::sendNow, () -> settings);
        link = new AgentLink(vertx, config, config.trust(options.insecure()),
                new Backoff(options.backoffBaseMs(), options.backoffCapMs()), this);
        return outbox.open()
                .compose(v -> ledger.open())
                .compose(v -> runner.reportInterrupted())
                .compose(v -> vertx.executeBlocking(() -> HardwareProbe.local().probe(Path.of(config.modelDir())).toJson(), false)
                        .otherwise(err -> new JsonObject().put("error", String.valueOf(err.getMessage()))))
                .onSuccess(hw -> {
                    hardware = hw;
                    link.start();
                    writeStatus();
                });
    }

    @Override
    public Future<?> stop() {
        if (link != null) {
            link.stop();
        }
        runner.stopAll();
        return Future.succeededFuture();
    }

    @Override
    public JsonObject hello() {
        return new JsonObject().put("type", "hello").put("protocol", 1).put("agentId", config.agentId())
                .put("name", config.name()).put("version", Version.current())
                .put("hostname", hostname()).put("hardware", hardware)
                .put("engines", new JsonArray().add("docker")).put("runningCommands", runner.running());
    }

    @Override
    public void onFrame(JsonObject frame) {
        switch (String.valueOf(frame.getString("type"))) {
            case "welcome" -> {
                welcomed = true;
                link.welcomed();
                settings = frame.getJsonObject("settings", new JsonObject());
                long hb = frame.getLong("heartbeatIntervalMs", frame.getLong("heartbeatIntervalS", 10L) * 1000);
                vertx.cancelTimer(heartbeatTimer);
                heartbeatTimer = vertx.setPeriodic(hb, t -> heartbeat());
                heartbeat();
                outbox.pending().forEach(link::send);
                writeStatus();
            }
            case "settings" -> settings = frame.getJsonObject("settings", settings);
            case "command" -> runner.accept(frame);
            case "received" -> outbox.confirm(frame.getString("msgId"));
            case "error" -> LOG.warn("server error frame: {} ({})", frame.getString("reason"), frame.getString("code"));
            default -> LOG.debug("ignoring frame type {}", frame.getString("type"));
        }
    }

    @Override
    public void onDown() {
        welcomed = false;
        vertx.cancelTimer(heartbeatTimer);
        writeStatus();
    }

    @Override
    public void onFatal(String reason) {
        fatal = reason;
        LOG.error(reason);
        writeStatus();
    }

    private void sendNow(JsonObject frame) {
        if (welcomed) {
            link.send(frame);
        }
    }

    private void heartbeat() {
        vertx.executeBlocking(() -> {
            JsonArray gpus = new JsonArray();
            GpuSampler.local().sample().forEach(s -> gpus.add(s.toJson()));
            long free = Files.exists(Path.of(config.modelDir()))
                    ? Files.getFileStore(Path.of(config.modelDir())).getUsableSpace() / (1L << 30) : -1;
            return new JsonObject().put("gpus", gpus).put("storageFreeGb", free);
        }, false).otherwise(err -> new JsonObject().put("gpus", new JsonArray())).onSuccess(fig -> link.send(fig
                .put("type", "heartbeat").put("status", runner.running().isEmpty() ? "idle" : "busy")
                .put("commandId", runner.running().isEmpty() ? null : runner.running().getString(0))
                .put("uptimeS", (System.currentTimeMillis() - startedAt) / 1000)));
    }

    private void writeStatus() {
        JsonObject status = new JsonObject().put("pid", ProcessHandle.current().pid()).put("server", config.server())
                .put("agentId", config.agentId()).put("name", config.name()).put("connected", welcomed)
                .put("fatal", fatal).put("running", runner.running()).put("outbox", outbox.size())
                .put("updatedAt", System.currentTimeMillis());
        vertx.executeBlocking(() -> Files.writeString(options.home().resolve("agent-status.json"), status.encodePrettily()), true);
    }

    /** For tests: whether the server has welcomed this agent on the current link. */
    public boolean isConnected() {
        return welcomed;
    }

    /** The settings the server last sent (welcome or a live push). */
    public JsonObject currentSettings() {
        return settings;
    }

    public String fatalReason() {
        return fatal;
    }

    /** For tests: drop the socket as a network fault would; the link reconnects by itself. */
    public void cutLink() {
        vertx.runOnContext(v -> link.cut());
    }

    public int outboxSize() {
        return outbox.size();
    }

    private static String hostname() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(at + 1);
    }
}
