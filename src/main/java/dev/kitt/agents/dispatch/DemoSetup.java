package dev.kitt.agents.dispatch;

import dev.kitt.agents.registry.AgentRepository;
import dev.kitt.bus.Addresses;
import dev.kitt.store.SettingsRepository;
import dev.kitt.server.ServerContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `kitt server --demo`: on the first start, a test agent and one quick run on it, submitted through
 * the same {@code kitt.commands.submit} path as any command, so a newcomer sees a fleet, a live
 * log and a result. Later starts find the setting and do nothing.
 */
final class DemoSetup {
    static final String SETTING = "demo.agent_id";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    private DemoSetup() {
    }

    static Future<Void> run(Vertx vertx, ServerContext ctx) {
        SettingsRepository settings = new SettingsRepository(ctx.db());
        return settings.get(SETTING).compose(existing -> {
            if (existing != null) {
                return Future.succeededFuture();
            }
            JsonObject hardware = new JsonObject().put("gpu", "Simulated GPU").put("gpu_count", 1).put("vram_gb", 24)
                    .put("cpu", "simulated CPU").put("cores", 8).put("ram_gb", 64).put("environment", "test_agent")
                    .put("fingerprint", "simulated-gpu-24gb_simulated-cpu-8_64gb-test_agent");
            return new AgentRepository(ctx.db()).create("demo-agent", "test-agent", hardware, true)
                    .compose(created -> settings.putIfAbsent(SETTING, created.id()).compose(winner -> {
                        if (!winner.equals(created.id())) {
                            return Future.<Void>succeededFuture(); // another node set the demo up first
                        }
                        return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT, new JsonObject()
                                        .put("agentId", created.id()).put("type", "run_test")
                                        .put("payload", new JsonObject().put("model", "demo-model").put("engine", "sim")
                                                .put("suite", "quick")))
                                .onSuccess(r -> LOG.info("demo: test agent 'demo-agent' created; quick run {} submitted",
                                        r.body().getString("id")))
                                .mapEmpty();
                    }));
        });
    }
}
