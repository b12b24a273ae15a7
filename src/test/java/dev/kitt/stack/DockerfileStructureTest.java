package dev.kitt.stack;

import dev.kitt.cli.Await;
import dev.kitt.config.ConfigLoader;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfile cannot be built here (no Docker daemon), so its facts are checked against the
 * things they depend on: the Maven build, the server's default port and routes, the main class,
 * and the entry point script run as a real process.
 */
class DockerfileStructureTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @TempDir
    Path home;

    /** Instructions as (KEYWORD, arguments), continuation lines joined and comments dropped. */
    private static List<String[]> instructions() throws Exception {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            String full = current.toString().strip();
            current.setLength(0);
            if (!full.isEmpty()) {
                String[] parts = full.split("\\s+", 2);
                out.add(new String[]{parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""});
            }
        }
        return out;
    }

    /** The arguments of the final stage's instructions with this keyword. */
    private static List<String> finalStage(String keyword) throws Exception {
        List<String> found = new ArrayList<>();
        for (String[] i : instructions()) {
            if (i[0].equals("FROM")) {
                found.clear();
            } else if (i[0].equals(keyword)) {
                found.add(i[1]);
            }
        }
        return found;
    }

    private static String pom(String xpath) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc).strip();
    }

    @Test
    @DisplayName("the image copies the jar Maven builds, from a Java 17 JRE base, and .dockerignore lets it through")
    void copiesTheBuiltJar() throws Exception {
        String jar = "target/" + pom("/*[local-name()='project']/*[local-name()='build']/*[local-name()='finalName']") + ".jar";
        assertEquals("target/kitt.jar", jar);
        List<String> froms = instructions().stream().filter(i -> i[0].equals("FROM")).map(i -> i[1]).toList();
        assertTrue(froms.get(froms.size() - 1).matches("eclipse-temurin:17-jre\\S*"), froms.toString());
        String copy = finalStage("COPY").stream().filter(c -> c.startsWith(jar + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no COPY of " + jar));
        String dest = copy.substring(jar.length()).strip();
        assertTrue(finalStage("ENV").stream().anyMatch(e -> e.contains("KITT_JAR=" + dest)), "KITT_JAR names the copied jar");
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertTrue(ignore.contains("*") && ignore.contains("!" + jar) && ignore.contains("!docker/"), ignore.toString());
    }

    @Test
    @DisplayName("the exposed port is the server's default port, which the health check also uses")
    void exposesTheDefaultPort() throws Exception {
        List<String> expose = finalStage("EXPOSE");
        assertEquals(1, expose.size(), expose.toString());
        int exposed = Integer.parseInt(expose.get(0).strip());
        Path bare = home.resolve("bare.yaml");
        Files.writeString(bare, "database:\n  url: \"\"\n");
        Vertx vertx = Vertx.vertx();
        try {
            KittConfig builtIn = Await.result(ConfigLoader.load(vertx, bare, Map.of(), Map.of()));
            KittConfig shipped = Await.result(ConfigLoader.load(vertx, Path.of("conf/kitt.yaml"), Map.of(), Map.of()));
            assertEquals(builtIn.port(), exposed);
            assertEquals(shipped.port(), exposed);
        } finally {
            Await.result(vertx.close());
        }
        assertTrue(String.join(" ", finalStage("HEALTHCHECK")).contains("${KITT_PORT:-" + exposed + "}"));
    }

    @Test
    @DisplayName("the server runs as a non-root user with KITT_HOME as a volume")
    void nonRootWithHomeVolume() throws Exception {
        List<String> users = finalStage("USER");
        assertEquals(1, users.size());
        assertNotEquals("root", users.get(0));
        assertNotEquals("0", users.get(0).split(":")[0]);
        String home = finalStage("ENV").stream().flatMap(e -> Pattern.compile("KITT_HOME=(\\S+)").matcher(e).results())
                .map(m -> m.group(1)).findFirst().orElseThrow();
        assertEquals(List.of("[\"" + home + "\"]"), finalStage("VOLUME"));
    }

    @Test
    @DisplayName("the health check asks a route that answers 200 without a token")
    void healthCheckPathIsPublic() throws Exception {
        Matcher m = Pattern.compile("https?://127\\.0\\.0\\.1:\\$\\{KITT_PORT:-\\d+}(/\\S+?)\"").matcher(String.join(" ", finalStage("HEALTHCHECK")));
        assertTrue(m.find(), "the health check names a URL");
        String path = m.group(1);
        assertEquals("/api/v1/health", path);
        try (TestServer s = TestServer.start(TestServer.config(home, ""))) {
            HttpResponse<Buffer> res = s.send(HttpMethod.GET, path, null, null);
            assertEquals(200, res.statusCode(), res.bodyAsString());
            assertEquals("ok", res.bodyAsJsonObject().getString("status"));
        }
    }

    @Test
    @DisplayName("the entry point script runs the jar's main class, which exists and has main(String[])")
    void entryPointRunsTheMainClass() throws Exception {
        assertEquals(List.of("[\"kitt-entrypoint\"]"), finalStage("ENTRYPOINT"));
        assertEquals(List.of("[\"server\"]"), finalStage("CMD"));
        assertTrue(finalStage("COPY").contains("docker/entrypoint.sh /usr/local/bin/kitt-entrypoint"));
        String script = Files.readString(Path.of("docker/entrypoint.sh"));
        Matcher m = Pattern.compile("(?m)^main_class=(\\S+)$").matcher(script);
        assertTrue(m.find());
        String mainClass = m.group(1);
        assertEquals(pom("/*[local-name()='project']/*[local-name()='properties']/*[local-name()='main.class']"), mainClass);
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()));
        assertTrue(Files.isExecutable(Path.of("docker/entrypoint.sh")), "COPY keeps the mode: the script must be executable");
    }

    private record Run(int exit, String output) {
    }

    private Run entrypoint(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "docker/entrypoint.sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // The image's jar is built after the tests: the test classpath stands in for it.
        pb.environment().put("KITT_JAR", System.getProperty("java.class.path"));
        pb.environment().put("KITT_HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    @DisplayName("the entry point runs kitt server or kitt agent by its first argument, and refuses any other role")
    void entryPointRoles() throws Exception {
        Run server = entrypoint(Map.of(), "server", "--help");
        assertEquals(0, server.exit(), server.output());
        assertTrue(server.output().startsWith("Usage: kitt server"), server.output());
        Run agent = entrypoint(Map.of(), "agent", "--help");
        assertEquals(0, agent.exit(), agent.output());
        assertTrue(agent.output().startsWith("Usage: kitt agent"), agent.output());
        Run notEnrolled = entrypoint(Map.of(), "agent");
        assertEquals(1, notEnrolled.exit());
        assertTrue(notEnrolled.output().contains("agent.yaml is missing: set KITT_SERVER_URL and KITT_ENROLL_TOKEN"),
                notEnrolled.output());
        Run bogus = entrypoint(Map.of(), "bogus");
        assertEquals(2, bogus.exit());
        assertTrue(bogus.output().contains("unknown role 'bogus'"), bogus.output());
    }
}
