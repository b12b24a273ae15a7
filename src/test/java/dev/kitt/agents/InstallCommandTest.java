package dev.kitt.agents;

import dev.kitt.agent.AgentConfig;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The install command the server shows for a new enrollment token, run for real by sh: over TLS
 * it checks KITT's CA against the fingerprint in the line, installs through that CA, and the
 * agent it enrolls pins the same fingerprint. A line with another fingerprint installs nothing.
 */
class InstallCommandTest {
    @TempDir
    Path tmp;

    /** Runs the line with a stand-in `java` that runs this KITT from the test class path instead of kitt.jar. */
    private Run install(String command, Path agentHome) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(java, "#!/bin/sh\n# stand-in for `java -jar kitt.jar ARGS`\n[ \"$1\" = \"-jar\" ] && shift 2\n"
                + "exec '" + realJava + "' -cp '" + System.getProperty("java.class.path") + "' dev.kitt.Main \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Path cwd = Files.createDirectories(tmp.resolve("cwd-" + agentHome.getFileName()));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KITT_HOME", agentHome.toString());
        env.put("KITT_AGENT_NAME", "installed-" + agentHome.getFileName());
        Path log = tmp.resolve("install-" + agentHome.getFileName() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the installer finishes");
        return new Run(p.exitValue(), Files.readString(log));
    }

    private record Run(int exitCode, String output) {
    }

    @Test
    @DisplayName("over TLS the shown install command checks KITT's CA by fingerprint, installs through it, and the agent pins it")
    void installOverTls() throws Exception {
        Path jar = tmp.resolve("kitt.jar");
        Files.writeString(jar, "pretend jar bytes");
        KittConfig cfg = TestServer.config(tmp.resolve("server"), "").withInsecure(false);
        try (TestServer s = TestServer.start(cfg, FleetOptions.fast().withPackageJar(jar))) {
            String fingerprint = s.server().http().tlsFiles().fingerprint();
            JsonObject token = s.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject();
            assertEquals(fingerprint, token.getString("ca_fingerprint"));
            String command = token.getString("install_command");
            assertTrue(command.contains("--cacert") && command.contains("KITT_CA_FINGERPRINT=" + fingerprint), command);

            Path home = tmp.resolve("home-ok");
            Run ok = install(command, home);
            assertEquals(0, ok.exitCode(), ok.output());
            assertEquals("pretend jar bytes", Files.readString(home.resolve("kitt.jar")));
            AgentConfig config = AgentConfig.load(home);
            assertEquals(fingerprint, config.caFingerprint());
            assertEquals(1, s.get("/api/v1/agents").bodyAsJsonObject().getJsonArray("items").stream()
                    .filter(a -> config.agentId().equals(((JsonObject) a).getString("id"))).count());

            String other = s.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject().getString("install_command");
            String wrongPrint = (fingerprint.startsWith("00") ? "11" : "00") + fingerprint.substring(2);
            Path refusedHome = tmp.resolve("home-refused");
            Run refused = install(other.replace(fingerprint, wrongPrint), refusedHome);
            assertNotEquals(0, refused.exitCode(), refused.output());
            assertFalse(Files.exists(refusedHome.resolve("kitt.jar")), "nothing installed: " + refused.output());
            assertFalse(Files.exists(AgentConfig.file(refusedHome)));
        }
    }
}
