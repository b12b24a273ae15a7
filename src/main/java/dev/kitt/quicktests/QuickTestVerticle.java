package dev.kitt.quicktests;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Moves quick tests through their lifecycle as {@code kitt.commands.update} reports on their
 * commands: acked/running → running; succeeded → completed (with the result id); failed or
 * timed_out → failed ("timed out after ..."); cancelled → cancelled. Updates for other commands are ignored.
 */
public final class QuickTestVerticle extends VerticleBase {
    private final ServerContext ctx;
    private QuickTestRepository tests;

    public QuickTestVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        tests = new QuickTestRepository(ctx.db());
        // Local: the node that made a transition applies it, so in a cluster each update is applied
        // (and quicktest.finished published) once, not once per node.
        return vertx.eventBus().<JsonObject>localConsumer(Addresses.COMMANDS_UPDATE, msg -> apply(msg.body())).completion();
    }

    private void apply(JsonObject update) {
        apply(update, 0);
    }

    /** "timed out after 30 minutes" / "after 2 seconds": the limit the user set, as they set it. */
    static String timedOut(Long seconds) {
        long s = seconds == null ? QuickTestsApi.DEFAULT_TIMEOUT_S : seconds;
        return "timed out after " + (s % 60 == 0 ? s / 60 + (s == 60 ? " minute" : " minutes")
                : s + (s == 1 ? " second" : " seconds"));
    }

    /**
     * The command id is stored when the submit reply arrives; an update can overtake that write, so
     * an unknown command is looked up again a few times before it is taken to be someone else's.
     */
    private void apply(JsonObject update, int attempt) {
        String commandId = update.getString("commandId");
        if (commandId == null) {
            return;
        }
        tests.byCommand(commandId).onSuccess(t -> {
            if (t == null) {
                if (attempt < 5) {
                    vertx.setTimer(100L * (attempt + 1), id -> apply(update, attempt + 1));
                }
                return;
            }
            String id = t.getString("id");
            long now = System.currentTimeMillis();
            Future<Boolean> done = switch (String.valueOf(update.getString("state"))) {
                case "acked", "running" -> tests.running(id, now);
                case "succeeded" -> tests.finish(id, "completed", update.getString("resultId"), null, now);
                case "failed" -> tests.finish(id, "failed", null, update.getString("error", "failed on the agent"), now);
                case "timed_out" -> tests.finish(id, "failed", null, timedOut(t.getLong("timeout_s")), now);
                case "cancelled" -> tests.finish(id, "cancelled", null, update.getString("error"), now);
                default -> Future.succeededFuture(false);
            };
            done.onSuccess(changed -> {
                if (changed && !"running".equals(update.getString("state")) && !"acked".equals(update.getString("state"))) {
                    vertx.eventBus().publish(Addresses.EVENTS, new JsonObject().put("type", "quicktest.finished")
                            .put("quickTestId", id).put("state", update.getString("state")).put("at", now));
                }
            });
        });
    }
}
