package dev.kitt.testing;

import dev.kitt.bus.Addresses;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultRepository;
import dev.kitt.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * STAND-IN for the fleet (agent registry + command dispatch + an agent), built on another branch:
 * answers kitt.agents.get, kitt.commands.submit and kitt.commands.get on a server's event bus
 * and, like an agent would, publishes kitt.commands.update (acked, running, then succeeded with a
 * result it stores in the results store). Its state outlives a server, so a test can restart the
 * server and attach the same stand-in to the new one.
 */
public final class FleetStandIn {
    public final Map<String, JsonObject> agents = new ConcurrentHashMap<>();
    public final Map<String, JsonObject> commands = new ConcurrentHashMap<>();
    public final List<JsonObject> runTests = Collections.synchronizedList(new ArrayList<>());
    public final List<JsonObject> cancels = Collections.synchronizedList(new ArrayList<>());
    public final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    /** The most tests ever running at once across all agents. */
    public final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger seq = new AtomicInteger();
    /** Commands whose payload matches stay "running" until {@link #complete} is called. */
    public volatile Predicate<JsonObject> hold = p -> false;
    private Vertx vertx;
    private Database db;

    public FleetStandIn agent(String id, String arch, boolean test) {
        agents.put(id, new JsonObject().put("id", id).put("name", id).put("status", "idle").put("is_test", test)
                .put("hardware", new JsonObject().put("cpu", new JsonObject().put("architecture", arch))));
        return this;
    }

    public FleetStandIn attach(Vertx vertx, Database db) {
        this.vertx = vertx;
        this.db = db;
        vertx.eventBus().<JsonObject>consumer(Addresses.AGENTS_GET, msg -> {
            JsonObject a = agents.get(msg.body().getString("agentId"));
            if (a == null) {
                msg.fail(404, "agent " + msg.body().getString("agentId") + " not found");
            } else {
                msg.reply(a);
            }
        });
        vertx.eventBus().<JsonObject>consumer(Addresses.COMMANDS_SUBMIT, this::submit);
        vertx.eventBus().<JsonObject>consumer(Addresses.COMMANDS_GET, msg -> {
            JsonObject c = commands.get(msg.body().getString("commandId"));
            if (c == null) {
                msg.fail(404, "command not found");
            } else {
                msg.reply(new JsonObject().put("commandId", c.getString("id")).put("agentId", c.getString("agentId"))
                        .put("state", c.getString("state")).put("error", c.getString("error"))
                        .put("resultId", c.getString("resultId")));
            }
        });
        return this;
    }

    public FleetStandIn attach(TestServer server) {
        return attach(server.server().vertx(), server.server().context().db());
    }

    private void submit(Message<JsonObject> msg) {
        JsonObject body = msg.body();
        String agentId = body.getString("agentId");
        if (!agents.containsKey(agentId)) {
            msg.fail(404, "unknown agent " + agentId);
            return;
        }
        if ("cancel".equals(body.getString("type"))) {
            String target = body.getJsonObject("payload").getString("commandId");
            cancels.add(body);
            JsonObject c = commands.get(target);
            if (c != null && !terminal(c.getString("state"))) {
                publish(c, "cancelled", null, "cancelled");
            }
            msg.reply(new JsonObject().put("commandId", "cancel-" + seq.incrementAndGet()));
            return;
        }
        commands.values().stream().filter(c -> agentId.equals(c.getString("agentId")) && !terminal(c.getString("state")))
                .findAny().ifPresent(c -> overlaps.add(agentId + " got a test while running " + c.getString("id")));
        String id = "cmd-" + seq.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject c = new JsonObject().put("id", id).put("agentId", agentId).put("payload", body.getJsonObject("payload"))
                .put("state", "queued");
        commands.put(id, c);
        runTests.add(c);
        long atOnce = commands.values().stream().filter(x -> !terminal(x.getString("state"))).count();
        mostAtOnce.accumulateAndGet((int) atOnce, Math::max);
        msg.reply(new JsonObject().put("commandId", id));
        vertx.setTimer(10, t -> {
            publish(c, "acked", null, null);
            String source = c.getJsonObject("payload").getString("sourceId");
            vertx.eventBus().send(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", source).put("firstSeq", 1)
                    .put("lines", new JsonArray().add("starting " + c.getJsonObject("payload").getString("engine"))));
            publish(c, "running", null, null);
            if (!hold.test(c.getJsonObject("payload"))) {
                vertx.setTimer(20, t2 -> complete(id));
            }
        });
    }

    /** Finishes a command as the agent would: stores a result and publishes succeeded. */
    public void complete(String commandId) {
        JsonObject c = commands.get(commandId);
        storeResult(c).onSuccess(resultId -> publish(c, "succeeded", resultId, null));
    }

    /** Finishes a command as failed on the agent, storing no result. */
    public void fail(String commandId, String error) {
        publish(commands.get(commandId), "failed", null, error);
    }

    /** Marks a command succeeded with a stored result, without publishing (it happened while no one listened). */
    public io.vertx.core.Future<String> completeSilently(String commandId) {
        JsonObject c = commands.get(commandId);
        return storeResult(c).map(resultId -> {
            c.put("state", "succeeded").put("resultId", resultId);
            return resultId;
        });
    }

    private io.vertx.core.Future<String> storeResult(JsonObject c) {
        JsonObject p = c.getJsonObject("payload");
        JsonObject doc = Fixtures.run("run-" + c.getString("id"), p.getString("engine"), p.getString("model"),
                "2026-01-01T00:00:00Z", 100.0);
        return new ResultRepository(db).importRun(MetricsDocument.from(doc), "agent", c.getString("agentId"))
                .map(ResultRepository.Imported::id);
    }

    private void publish(JsonObject c, String state, String resultId, String error) {
        if (terminal(c.getString("state"))) {
            return;
        }
        c.put("state", state).put("resultId", resultId).put("error", error);
        vertx.eventBus().publish(Addresses.COMMANDS_UPDATE, new JsonObject().put("commandId", c.getString("id"))
                .put("agentId", c.getString("agentId")).put("state", state).put("resultId", resultId).put("error", error));
    }

    private static boolean terminal(String state) {
        return List.of("succeeded", "failed", "cancelled", "timed_out").contains(state);
    }
}
