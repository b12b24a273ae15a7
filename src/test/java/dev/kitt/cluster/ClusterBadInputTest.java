package dev.kitt.cluster;

import dev.kitt.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Cluster mode refuses bad settings with one clear line")
class ClusterBadInputTest {
    @TempDir
    Path tmp;

    private CliRun server(String... extra) {
        String[] base = {"server", "--insecure", "--host", "127.0.0.1", "--port", "0", "--home", tmp.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void oneLine(CliRun run, String... expected) {
        assertEquals(1, run.exitCode(), run.err() + run.out());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        for (String e : expected) {
            assertTrue(err.contains(e), "'" + e + "' in: " + err);
        }
    }

    @Test
    @DisplayName("--cluster on the embedded SQLite store exits 1 saying PostgreSQL is needed")
    void clusterNeedsPostgres() {
        oneLine(server("--cluster"), "cluster.enabled", "PostgreSQL", "database.url");
    }

    @Test
    @DisplayName("a member without a port exits 1 naming cluster.members and the bad entry")
    void memberWithoutPort() {
        oneLine(server("--cluster", "--database-url", "postgresql://kitt:kitt@127.0.0.1:5432/kitt",
                "--cluster-members", "127.0.0.1:5701,127.0.0.1"), "cluster.members", "host:port", "'127.0.0.1'");
    }

    @Test
    @DisplayName("a member port out of range and a cluster port out of range are refused")
    void portsOutOfRange() {
        oneLine(server("--cluster", "--database-url", "postgresql://kitt:kitt@127.0.0.1:5432/kitt",
                "--cluster-members", "node-b:70000"), "cluster.members", "'node-b:70000'");
        oneLine(server("--cluster", "--database-url", "postgresql://kitt:kitt@127.0.0.1:5432/kitt",
                "--cluster-port", "0"), "cluster.port", "between 1 and 65535");
    }

    @Test
    @DisplayName("an agent given several servers refuses one that is not an http(s) URL")
    void agentServers() {
        CliRun run = CliRun.of("agent", "init", "--home", tmp.resolve("agent").toString(),
                "--server", "http://127.0.0.1:1,ftp://node-b", "--enroll-token", "t");
        oneLine(run, "--server", "'ftp://node-b'");
    }

    @Test
    @DisplayName("kitt agent init with no server reachable exits 1 naming every server it tried")
    void noServerReachable() {
        String first = "http://127.0.0.1:" + ClusterHarness.freePort();
        String second = "http://127.0.0.1:" + ClusterHarness.freePort();
        CliRun run = CliRun.of("agent", "init", "--home", tmp.resolve("agent").toString(),
                "--server", first + "," + second, "--enroll-token", "t");
        oneLine(run, "enrollment failed on every server", "cannot reach " + first, "cannot reach " + second);
    }
}
