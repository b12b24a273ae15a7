package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.CampaignExecutor.InFlight;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/**
 * After a (re)start: picks up every running campaign where the table says it was. A run that was
 * claimed but has no command id never reached an agent and goes back to the queue. A run with a
 * command asks {@code kitt.commands.get} what became of it: a finished command is recorded (once);
 * one still queued, sent or running is awaited (the dispatch outbox re-sends what an agent has
 * not acked, so resubmitting would run it twice); an unknown command is queued again.
 */
final class Reconciler {
    private final Vertx vertx;
    private final CampaignRepository campaigns;
    private final RunRepository runs;
    private final CampaignExecutor executor;
    private final Clock clock;

    Reconciler(Vertx vertx, CampaignRepository campaigns, RunRepository runs, CampaignExecutor executor, Clock clock) {
        this.vertx = vertx;
        this.campaigns = campaigns;
        this.runs = runs;
        this.executor = executor;
        this.clock = clock;
    }

    Future<Void> resumeAll() {
        return campaigns.idsWithStatus("running").compose(ids -> {
            Future<Void> chain = Future.succeededFuture();
            for (String id : ids) {
                chain = chain.compose(v -> resume(id));
            }
            return chain;
        });
    }

    Future<Void> resume(String campaignId) {
        return executor.activate(campaignId).compose(v -> runs.active(campaignId)).compose(active -> {
            Future<Void> chain = Future.succeededFuture();
            for (JsonObject run : active) {
                chain = chain.compose(v -> reconcile(campaignId, run, true));
            }
            return chain;
        }).compose(v -> {
            executor.log().line(campaignId, "resumed after a server start");
            return executor.pump(campaignId);
        });
    }

    /**
     * On every tick: asks again about the commands in flight, so an update missed while dispatch
     * was unreachable (or published before this node listened) is not waited for forever.
     */
    Future<Void> recheck() {
        Future<Void> chain = Future.succeededFuture();
        for (String id : java.util.List.copyOf(executor.active.keySet())) {
            chain = chain.compose(v -> runs.active(id)).compose(active -> {
                Future<Void> each = Future.succeededFuture();
                for (JsonObject run : active) {
                    each = each.compose(v -> reconcile(id, run, false));
                }
                return each;
            });
        }
        return chain;
    }

    private Future<Void> reconcile(String campaignId, JsonObject run, boolean startup) {
        int seq = run.getInteger("seq");
        String commandId = run.getString("command_id");
        String agent = run.getString("agent_id");
        if (commandId == null) {
            // At start-up a claimed run without a command never reached dispatch; later it is being submitted now.
            return startup ? runs.requeue(campaignId, seq, clock.millis()).mapEmpty() : Future.succeededFuture();
        }
        InFlight in = new InFlight(campaignId, seq, agent);
        executor.busyAgents.add(agent);
        executor.byCommand.put(commandId, in);
        return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_GET, new JsonObject().put("commandId", commandId),
                        new DeliveryOptions().setSendTimeout(10_000))
                .compose(reply -> executor.onUpdate(reply.body().copy().put("commandId", commandId)))
                .recover(err -> {
                    // Only at start-up: later, a 404 may just mean dispatch has not stored a fresh command yet.
                    if (startup && err instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
                            && re.failureCode() == 404) {
                        executor.byCommand.remove(commandId);
                        executor.busyAgents.remove(agent);
                        executor.log().line(campaignId, "#" + seq + " command " + commandId
                                + " is unknown to dispatch; queued again");
                        return runs.requeue(campaignId, seq, clock.millis()).mapEmpty();
                    }
                    // Dispatch not answering: keep waiting for its updates; the deadline still applies.
                    return Future.succeededFuture();
                });
    }
}
