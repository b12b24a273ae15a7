package dev.kitt.cli;

import dev.kitt.config.KittConfig;
import dev.kitt.server.KittServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** `kitt server`: runs the server until SIGTERM / Ctrl-C, then stops gracefully. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the KITT server.")
public final class ServerCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;

    @Option(names = "--host", description = "address to bind (default 0.0.0.0)")
    String host;

    @Option(names = "--insecure", description = "plain HTTP, for local development only")
    Boolean insecure;

    @Option(names = "--demo", description = "create a test agent and run a first quick suite on the simulated engine")
    Boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> flags = new HashMap<>();
        flags.put("server.port", port);
        flags.put("server.host", host);
        flags.put("server.insecure", insecure);
        flags.put("server.demo", demo);
        KittConfig cfg = config.load(flags);
        KittServer server = Await.result(KittServer.start(cfg));
        System.out.printf("KITT %s ready: http://%s:%d (store: %s)%n", dev.kitt.Version.current(),
                "0.0.0.0".equals(cfg.host()) ? "localhost" : cfg.host(), server.port(),
                cfg.usesPostgres() ? "PostgreSQL" : cfg.sqliteFile());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop().onComplete(ar -> stopped.countDown());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kitt-shutdown"));
        stopped.await();
        return 0;
    }
}
