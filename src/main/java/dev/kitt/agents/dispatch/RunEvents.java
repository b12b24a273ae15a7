package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import dev.kitt.results.ResultRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the domain event {@code run.completed} when a fleet run's result is stored (by a real
 * agent or a test agent), so the events stream and the {@code kitt_runs_total} series see every
 * finished run. A result stored twice (a re-sent frame) is one run, one event.
 */
final class RunEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private RunEvents() {
    }

    static void completed(Vertx vertx, ResultRepository.Imported imported, String agentId, boolean passed) {
        if (!imported.created()) {
            return;
        }
        JsonObject body = new JsonObject().put("run_id", imported.id()).put("agent_id", agentId)
                .put("passed", passed).put("outcome", passed ? "passed" : "failed");
        vertx.eventBus().request(Addresses.EVENTS_RECORD, new JsonObject().put("type", "run.completed")
                        .put("source_id", imported.id()).put("body", body))
                .onFailure(err -> LOG.warn("cannot record run.completed for {}: {}", imported.id(), err.getMessage()));
    }
}
