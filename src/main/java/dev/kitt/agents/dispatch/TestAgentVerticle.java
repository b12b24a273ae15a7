package dev.kitt.agents.dispatch;

import dev.kitt.bus.Addresses;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * Holds the test agents: runs their commands ({@code kitt.test-agents.run}) and tells whether one
 * is in flight ({@code kitt.test-agents.cancel}). A singleton: in a cluster exactly one node runs
 * test-agent work, so when it dies the next holder starts whatever was left unfinished, and
 * nothing runs twice while it lives.
 */
public final class TestAgentVerticle extends VerticleBase {
    private final ServerContext ctx;

    public TestAgentVerticle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        CommandRepository commands = new CommandRepository(ctx.db());
        TestAgentRunner runner = new TestAgentRunner(vertx, ctx, commands, new CommandUpdates(vertx, commands));
        var bus = vertx.eventBus();
        Future<Void> run = bus.<JsonObject>consumer(Addresses.TEST_AGENTS_RUN, m -> runner.run(m.body())).completion();
        Future<Void> cancel = bus.<JsonObject>consumer(Addresses.TEST_AGENTS_CANCEL, m -> m.reply(
                new JsonObject().put("inFlight", runner.cancel(m.body().getString("commandId"),
                        m.body().getString("reason", "cancelled"))))).completion();
        // Work interrupted by a stop (or by its node's death) is started again: it never finished, so it is not done twice.
        return Future.all(run, cancel).compose(v -> commands.unfinishedOfTestAgents())
                .onSuccess(list -> list.forEach(runner::run));
    }
}
