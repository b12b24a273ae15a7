package dev.kitt.agents.bench;

import dev.kitt.agents.FleetOptions;
import dev.kitt.cli.Await;
import dev.kitt.config.ClusterConfig;
import dev.kitt.config.KittConfig;
import dev.kitt.server.KittServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's servers: one plain server, or {@code count} cluster nodes on loopback sharing one PostgreSQL database. */
final class ClusterNodes {
    private ClusterNodes() {
    }

    static List<KittServer> start(int count, String databaseUrl, FleetOptions fleet) throws IOException {
        if (count > 1 && (databaseUrl == null || databaseUrl.isBlank())) {
            throw new IllegalArgumentException("--nodes " + count + " needs KITT_BENCH_DATABASE_URL (PostgreSQL)");
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports.add(s.getLocalPort());
            }
        }
        List<KittServer> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path home = Files.createTempDirectory("kitt-fleet-bench");
            KittConfig config = new KittConfig(home, "127.0.0.1", 0, databaseUrl, true, false,
                    1 << 20, 60, "bench-admin-password", Path.of("webroot"), 1);
            if (count > 1) {
                config = config.withCluster(new ClusterConfig(true, "127.0.0.1", ports.get(i),
                        ports.stream().map(p -> "127.0.0.1:" + p).toList()));
            }
            nodes.add(Await.result(KittServer.start(config, fleet)));
        }
        return nodes;
    }
}
