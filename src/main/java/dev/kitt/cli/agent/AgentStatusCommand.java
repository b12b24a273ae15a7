package dev.kitt.cli.agent;

import dev.kitt.agent.AgentConfig;
import dev.kitt.cli.CliException;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `kitt agent status`: whether the daemon runs, whether it is connected, what it is doing. Exit 1 when not running. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether the agent runs and is connected.")
public final class AgentStatusCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        AgentConfig config;
        try {
            config = AgentConfig.load(home.home());
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
        JsonObject status = read(home.home());
        boolean alive = status != null && ProcessHandle.of(status.getLong("pid", -1L)).map(ProcessHandle::isAlive).orElse(false);
        System.out.println("agent:     " + config.name() + " (" + config.agentId() + ")");
        System.out.println("server:    " + config.server());
        System.out.println("daemon:    " + (alive ? "running (pid " + status.getLong("pid") + ")" : "not running"));
        if (alive) {
            System.out.println("connected: " + status.getBoolean("connected", false));
            System.out.println("running:   " + status.getJsonArray("running"));
            System.out.println("outbox:    " + status.getInteger("outbox", 0) + " unconfirmed");
        }
        if (status != null && status.getString("fatal") != null) {
            System.out.println("stopped:   " + status.getString("fatal"));
        }
        return alive ? 0 : 1;
    }

    static JsonObject read(Path home) throws java.io.IOException {
        Path f = home.resolve("agent-status.json");
        return Files.isRegularFile(f) ? new JsonObject(Files.readString(f)) : null;
    }
}
