package dev.kitt.cli;

import dev.kitt.config.KittConfig;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CLI command that talks to a server trusts KITT's CA the same way: --ca-cert or --ca-fingerprint. */
class RemoteTlsCliTest {
    @TempDir
    static Path home;
    static TestServer server;
    static String url;
    static String pin;
    static String caFile;

    @BeforeAll
    static void start() {
        KittConfig cfg = TestServer.config(home, "").withInsecure(false);
        server = TestServer.start(cfg);
        url = "https://127.0.0.1:" + server.port();
        pin = server.server().http().tlsFiles().fingerprint();
        caFile = home.resolve("certs/ca.pem").toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The remote commands, each as it reads after "kitt". */
    private static String[][] commands() {
        String token = server.token();
        return new String[][]{
                {"results", "list", "--server", url, "--token", token},
                {"campaign", "list", "--server", url, "--token", token},
                {"agent", "test", "list", "--server", url, "--token", token},
        };
    }

    private static CliRun run(String[] command, String... trust) {
        String[] args = new String[command.length + trust.length];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(trust, 0, args, command.length, trust.length);
        return CliRun.of(args);
    }

    @Test
    @DisplayName("results, campaign and agent test commands reach an https server through its CA file or its pinned fingerprint")
    void trusted() {
        for (String[] command : commands()) {
            CliRun byFile = run(command, "--ca-cert", caFile);
            assertEquals(0, byFile.exitCode(), String.join(" ", command) + ": " + byFile.err());
            CliRun byPin = run(command, "--ca-fingerprint", pin);
            assertEquals(0, byPin.exitCode(), String.join(" ", command) + ": " + byPin.err());
        }
    }

    @Test
    @DisplayName("without a CA they refuse the self-signed server in one line that names the fingerprint to pin")
    void untrusted() {
        for (String[] command : commands()) {
            CliRun plain = run(command);
            assertEquals(1, plain.exitCode(), String.join(" ", command));
            assertTrue(plain.err().contains("--ca-fingerprint " + pin), plain.err());
            assertEquals(1, plain.err().strip().lines().count(), plain.err());
            CliRun wrong = run(command, "--ca-fingerprint", "00".repeat(32));
            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.err().contains("does not contain the pinned CA"), wrong.err());
            CliRun garbled = run(command, "--ca-fingerprint", "not-a-fingerprint");
            assertEquals(1, garbled.exitCode());
            assertTrue(garbled.err().contains("32 bytes of SHA-256"), garbled.err());
        }
    }
}
