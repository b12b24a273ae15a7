package dev.kitt.cli.agent;

import dev.kitt.agent.AgentDaemon;
import dev.kitt.agent.AgentOptions;
import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `kitt agent start`: runs the daemon in the foreground until SIGTERM, or until the server refuses its token. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Run the agent daemon in the foreground.")
public final class AgentStartCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--insecure", description = "accept any TLS certificate (development only)")
    boolean insecure;

    @Override
    public Integer call() throws InterruptedException {
        AgentDaemon daemon;
        try {
            daemon = new AgentDaemon(AgentOptions.defaults(home.home(), insecure));
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
        Vertx vertx = Vertx.vertx();
        try {
            Await.result(vertx.deployVerticle(daemon));
        } catch (RuntimeException e) {
            Await.result(vertx.close());
            throw new CliException("agent cannot start: " + e.getMessage());
        }
        System.out.println("KITT agent started (pid " + ProcessHandle.current().pid() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        vertx.setPeriodic(500, t -> {
            if (daemon.fatalReason() != null) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            Await.result(vertx.close());
        }, "kitt-agent-shutdown"));
        stopped.await();
        if (daemon.fatalReason() != null) {
            throw new CliException(daemon.fatalReason());
        }
        return 0;
    }
}
