package dev.kitt.agents.heartbeat;

import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes agent status at once and the latest heartbeat figures in batches: with thousands of
 * agents a row update per heartbeat would make the store the bottleneck.
 */
final class HeartbeatStore {
    private final Database db;
    private Map<String, Object[]> pending = new HashMap<>();
    private boolean flushing;

    HeartbeatStore(Database db) {
        this.db = db;
    }

    Future<Void> markAllRealAgentsOffline() {
        return db.query("UPDATE agents SET status = 'offline' WHERE is_test = 0")
                .compose(r -> db.query("UPDATE agents SET status = 'online' WHERE is_test = 1 AND revoked_at IS NULL"))
                .mapEmpty();
    }

    void setStatus(String agentId, String status) {
        db.query("UPDATE agents SET status = ? WHERE id = ? AND is_test = 0", status, agentId);
    }

    void remember(String agentId, long at, JsonObject figures) {
        pending.put(agentId, new Object[]{at, figures.encode(), agentId});
    }

    void flush() {
        if (flushing || pending.isEmpty()) {
            return;
        }
        Map<String, Object[]> batch = pending;
        pending = new HashMap<>();
        flushing = true;
        // One flush at a time, statement by statement: a failed row must not hold back the others.
        Future<Void> chain = Future.succeededFuture();
        for (Object[] v : batch.values()) {
            chain = chain.compose(x -> db.query("UPDATE agents SET last_heartbeat_at = ?, last_heartbeat = ? WHERE id = ?", v)
                    .<Void>mapEmpty().recover(err -> Future.succeededFuture()));
        }
        chain.onComplete(ar -> flushing = false);
    }
}
