package dev.kitt.server.openapi;

import dev.kitt.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published OpenAPI document covers every route of the running router. A route added
 * without documenting it fails here, on purpose.
 */
class OpenApiCoverageTest {
    @TempDir
    static Path home;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(home, ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        var res = server.send(HttpMethod.GET, "/api/v1/openapi.yaml", null, null);
        assertEquals(200, res.statusCode(), "no token needed");
        assertTrue(res.getHeader("Content-Type").startsWith("application/yaml"));
        return new Yaml().load(res.bodyAsString());
    }

    @Test
    @DisplayName("every route in the router is described in /api/v1/openapi.yaml with its method")
    @SuppressWarnings("unchecked")
    void everyRouteDocumented() {
        Map<String, Object> doc = document();
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."));
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        List<String> missing = new ArrayList<>();
        List<String> routes = server.server().http().routes();
        assertTrue(routes.size() >= 15, "routes found: " + routes);
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll(":([A-Za-z_]+)", "{$1}");
            Object item = paths.get(path);
            if (!(item instanceof Map<?, ?> ops) || !ops.containsKey(parts[0].toLowerCase())) {
                missing.add(parts[0] + " " + path);
            }
        }
        assertTrue(missing.isEmpty(), "routes not in the OpenAPI document: " + missing);
    }

    @Test
    @DisplayName("every documented operation exists in the router, so the document does not promise routes that are gone")
    @SuppressWarnings("unchecked")
    void noStaleOperations() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        List<String> routes = server.server().http().routes().stream()
                .map(r -> r.replaceAll(":([A-Za-z_]+)", "{$1}")).toList();
        List<String> stale = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(k -> List.of("get", "post", "put", "patch", "delete", "head").contains(k))
                .map(k -> k.toUpperCase() + " " + path)
                .filter(op -> !routes.contains(op))
                .forEach(stale::add));
        assertTrue(stale.isEmpty(), "documented but not routed: " + stale);
    }
}
