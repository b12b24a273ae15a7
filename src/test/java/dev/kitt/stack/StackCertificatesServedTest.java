package dev.kitt.stack;

import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node of a stack sees the stack's certs/ as its KITT_HOME/certs: a real server over that
 * layout must serve the stack's certificate as it is, and the image's agent entry point, told
 * to trust the stack's CA, must get through the TLS handshake to the server.
 */
class StackCertificatesServedTest {
    @TempDir
    Path home;
    @TempDir
    Path nodeHome;

    @Test
    @DisplayName("a server whose certs/ are the stack's serves them unchanged, and the agent entry point trusts it through KITT_CA_CERT")
    void stackCertificatesServeAndAreTrusted() throws Exception {
        CliRun gen = CliRun.of("stack", "generate", "tls", "--home", home.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        Path certs = home.resolve("stacks/tls/certs");
        Files.createDirectories(nodeHome.resolve("certs"));
        for (String f : List.of("ca.pem", "ca-key.pem", "server.pem", "server-key.pem")) {
            Files.copy(certs.resolve(f), nodeHome.resolve("certs").resolve(f));
        }
        String served = Files.readString(certs.resolve("server.pem"));
        try (TestServer s = TestServer.start(TestServer.config(nodeHome, "").withInsecure(false))) {
            String fingerprint = s.server().http().tlsFiles().fingerprint();
            assertTrue(gen.out().contains("CA SHA-256 fingerprint: " + fingerprint), gen.out() + " vs " + fingerprint);
            assertEquals(served, Files.readString(nodeHome.resolve("certs/server.pem")), "the server kept the stack's certificate");

            String url = "https://localhost:" + s.port();
            String trusted = agentEnroll(url, certs.resolve("ca.pem"));
            // Past TLS: the server itself answers, refusing the made-up enrollment token.
            assertTrue(trusted.contains("POST /api/v1/agents/enroll failed (HTTP 4"), trusted);
            String untrusted = agentEnroll(url, null);
            assertFalse(untrusted.contains("(HTTP 4"), untrusted);
            assertTrue(untrusted.contains("cannot reach " + url), untrusted);
        }
    }

    private String agentEnroll(String url, Path ca) throws Exception {
        Path agentHome = Files.createTempDirectory(home, "agent");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of("sh", "docker/entrypoint.sh", "agent")))
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("KITT_JAR", System.getProperty("java.class.path"));
        env.put("KITT_HOME", agentHome.toString());
        env.put("KITT_SERVER_URL", url);
        env.put("KITT_ENROLL_TOKEN", "not-a-real-enrollment-token");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        if (ca != null) {
            env.put("KITT_CA_CERT", ca.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        return out;
    }
}
