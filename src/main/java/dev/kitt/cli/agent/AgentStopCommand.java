package dev.kitt.cli.agent;

import dev.kitt.cli.CliException;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** `kitt agent stop`: asks the running daemon (by the pid in its status file) to stop, and waits. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the running agent daemon.")
public final class AgentStopCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        JsonObject status = AgentStatusCommand.read(home.home());
        ProcessHandle process = status == null ? null : ProcessHandle.of(status.getLong("pid", -1L)).orElse(null);
        if (process == null || !process.isAlive()) {
            throw new CliException("the agent is not running");
        }
        if (process.pid() == ProcessHandle.current().pid()) {
            throw new CliException("refusing to stop this very process");
        }
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new CliException("the agent (pid " + process.pid() + ") did not stop within 60 s");
        }
        System.out.println("agent stopped");
        return 0;
    }
}
