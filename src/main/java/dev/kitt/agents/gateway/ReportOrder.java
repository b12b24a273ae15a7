package dev.kitt.agents.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order in which one agent's reports are applied. Reports are applied one after another, in
 * the order the agent sent them (a final status must not overtake the result that precedes it),
 * except that a few log chunks may be in flight at once: they are idempotent on (source, seq) and
 * the log store keeps arrival order, and one round trip per chunk would cap a busy log at a chunk
 * per store write. Used on the session's event loop only.
 */
final class ReportOrder {
    /** Log chunks an agent may have in flight before further ones wait their turn. */
    static final int LOG_WINDOW = 8;

    private final Function<JsonObject, Future<Void>> apply;
    private Future<Void> reports = Future.succeededFuture();
    private final List<Future<Void>> logsInFlight = new ArrayList<>();
    private final ArrayDeque<JsonObject> waitingLogs = new ArrayDeque<>();
    private final Map<JsonObject, Promise<Void>> waitingDone = new IdentityHashMap<>();

    /** @param apply applies one report; its future completes (never fails) once it is done with */
    ReportOrder(Function<JsonObject, Future<Void>> apply) {
        this.apply = apply;
    }

    void submit(JsonObject frame) {
        if ("log".equals(frame.getString("type"))) {
            // Beyond the window log chunks wait in order, never overtaking each other.
            waitingLogs.add(frame);
            nextLogs();
            return;
        }
        // Other reports keep their strict order, after the log chunks sent before them.
        List<Future<Void>> before = new ArrayList<>(logsInFlight);
        waitingLogs.forEach(f -> before.add(logDone(f)));
        before.add(reports);
        reports = Future.join(before).transform(done -> apply.apply(frame));
    }

    private void nextLogs() {
        while (!waitingLogs.isEmpty() && logsInFlight.size() < LOG_WINDOW) {
            JsonObject frame = waitingLogs.poll();
            Promise<Void> waiter = waitingDone.remove(frame);
            Future<Void> applied = apply.apply(frame);
            logsInFlight.add(applied);
            applied.onComplete(ar -> {
                logsInFlight.remove(applied);
                if (waiter != null) {
                    waiter.complete();
                }
                nextLogs();
            });
        }
    }

    /** Completes once a waiting log frame has been applied. */
    private Future<Void> logDone(JsonObject frame) {
        return waitingDone.computeIfAbsent(frame, f -> Promise.promise()).future();
    }
}
