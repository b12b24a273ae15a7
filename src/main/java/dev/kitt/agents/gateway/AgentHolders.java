package dev.kitt.agents.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Map;

/**
 * Which node holds which agent's socket: a shared-data map agentId → nodeId, cluster-wide in
 * cluster mode. A session claims its agent after hello and gives it back when its socket closes;
 * the agent sweeper drops the claims of nodes that left the cluster.
 */
public final class AgentHolders {
    public static final String MAP = "kitt.agents.holders";

    private final Vertx vertx;

    public AgentHolders(Vertx vertx) {
        this.vertx = vertx;
    }

    private Future<AsyncMap<String, String>> map() {
        return vertx.sharedData().getAsyncMap(MAP);
    }

    Future<Void> claim(String agentId, String nodeId) {
        return map().compose(m -> m.put(agentId, nodeId));
    }

    /** Only that node's claim: a newer one made by another node stays. */
    public Future<Boolean> release(String agentId, String nodeId) {
        return map().compose(m -> m.removeIfPresent(agentId, nodeId));
    }

    /** The node holding this agent, or null. */
    public Future<String> holder(String agentId) {
        return map().compose(m -> m.get(agentId));
    }

    public Future<Map<String, String>> all() {
        return map().compose(AsyncMap::entries);
    }
}
