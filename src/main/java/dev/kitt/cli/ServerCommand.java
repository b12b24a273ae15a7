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

    @Option(names = "--tls-cert", description = "PEM certificate chain to serve instead of the generated one")
    String tlsCert;

    @Option(names = "--tls-key", description = "PEM private key of --tls-cert")
    String tlsKey;

    @Option(names = "--demo", description = "create a test agent and run a first quick suite on the simulated engine")
    Boolean demo;

    @Option(names = "--cluster", description = "join a cluster of KITT servers sharing one PostgreSQL database")
    Boolean cluster;

    @Option(names = "--cluster-host", paramLabel = "H", description = "address this node binds and announces for cluster traffic (default 127.0.0.1)")
    String clusterHost;

    @Option(names = "--cluster-port", paramLabel = "P", description = "cluster membership port (default 5701)")
    Integer clusterPort;

    @Option(names = "--cluster-members", paramLabel = "host:port,...", description = "other nodes to join through (comma-separated)")
    String clusterMembers;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> flags = new HashMap<>();
        flags.put("server.port", port);
        flags.put("server.host", host);
        flags.put("server.insecure", insecure);
        flags.put("server.demo", demo);
        flags.put("tls.cert", tlsCert);
        flags.put("tls.key", tlsKey);
        flags.put("cluster.enabled", cluster);
        flags.put("cluster.host", clusterHost);
        flags.put("cluster.port", clusterPort);
        flags.put("cluster.members", clusterMembers);
        KittConfig cfg = config.load(flags);
        KittServer server = Await.result(KittServer.start(cfg));
        boolean tls = server.http().tlsEngine() != null;
        if (tls) {
            // Not a secret: agents and browsers pin this to trust the self-signed CA.
            var files = server.http().tlsFiles();
            System.out.printf("TLS through %s; CA certificate %s, SHA-256 fingerprint %s%n",
                    server.http().tlsEngine().name().toLowerCase(), files.generated() ? files.kittCa() : files.cert(),
                    files.fingerprint());
            if (files.generated()) {
                System.out.printf("Agents and CLI clients trust it with --ca-fingerprint %s%n", files.fingerprint());
            }
        } else {
            System.out.println("WARNING: plain HTTP (--insecure): for local development only");
        }
        // Last, so whoever waits for "ready" (scripts, tests) has the lines above already.
        System.out.printf("KITT %s ready: %s://%s:%d (store: %s%s)%n", dev.kitt.Version.current(), tls ? "https" : "http",
                "0.0.0.0".equals(cfg.host()) ? "localhost" : cfg.host(), server.port(),
                cfg.usesPostgres() ? "PostgreSQL" : cfg.sqliteFile(),
                cfg.cluster().enabled() ? "; cluster node " + server.context().cluster().nodeId() : "");
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
