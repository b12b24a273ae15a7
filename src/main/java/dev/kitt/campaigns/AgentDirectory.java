package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.plan.AgentInfo;
import dev.kitt.campaigns.spec.SpecException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Looks agents up over {@code kitt.agents.get}: the agents table belongs to the registry. */
public final class AgentDirectory {
    private final Vertx vertx;

    public AgentDirectory(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<AgentInfo> get(String agentId) {
        return vertx.eventBus().<JsonObject>request(Addresses.AGENTS_GET, new JsonObject().put("agentId", agentId),
                        new DeliveryOptions().setSendTimeout(10_000))
                .map(msg -> AgentInfo.fromJson(msg.body()))
                .recover(err -> Future.failedFuture(explain(agentId, err)));
    }

    /** All of them, in order; the first unknown one fails the lot with a message naming it. */
    public Future<List<AgentInfo>> getAll(List<String> ids) {
        List<AgentInfo> out = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (String id : ids) {
            chain = chain.compose(v -> get(id).map(a -> {
                out.add(a);
                return null;
            }));
        }
        return chain.map(v -> out);
    }

    private static Throwable explain(String agentId, Throwable err) {
        if (err instanceof ReplyException re) {
            if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE && re.failureCode() == 404) {
                return new SpecException("unknown_agent", "unknown agent '" + agentId + "'", "agents");
            }
            if (re.failureType() == ReplyFailure.NO_HANDLERS || re.failureType() == ReplyFailure.TIMEOUT) {
                return new SpecException("agents_unavailable", "cannot look up agent '" + agentId
                        + "': the agent registry is not answering");
            }
            return new SpecException("unknown_agent", "agent '" + agentId + "': " + re.getMessage(), "agents");
        }
        return err;
    }
}
