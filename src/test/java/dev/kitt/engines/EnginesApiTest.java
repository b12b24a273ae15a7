package dev.kitt.engines;

import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /engines and /profiles tell forms what planning will accept, including the user's own profiles. */
class EnginesApiTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("engines carry the formats and CPU architectures planning checks, and their modes; profiles include KITT_HOME/profiles.yaml")
    void enginesAndProfiles() throws Exception {
        Files.writeString(home.resolve("profiles.yaml"), "profiles:\n  mine: {engine: vllm, args: [--max-num-seqs, '8']}\n");
        try (TestServer server = TestServer.start(TestServer.config(home, ""))) {
            JsonArray engines = server.get("/api/v1/engines").bodyAsJsonObject().getJsonArray("items");
            JsonObject sim = find(engines, "sim");
            assertEquals(new JsonArray().add("*"), sim.getJsonArray("formats"));
            JsonObject llama = find(engines, "llama_cpp");
            assertEquals(new JsonArray().add("gguf"), llama.getJsonArray("formats"));
            assertTrue(llama.getJsonArray("modes").contains("docker"), llama.encode());
            assertTrue(find(engines, "mlx").getJsonArray("architectures").contains("arm64"));
            JsonArray profiles = server.get("/api/v1/profiles").bodyAsJsonObject().getJsonArray("items");
            JsonObject mine = find(profiles, "mine");
            assertEquals("vllm", mine.getString("engine"));
            assertTrue(mine.getString("source").endsWith("profiles.yaml"), mine.encode());
        }
    }

    private static JsonObject find(JsonArray items, String name) {
        return items.stream().map(JsonObject.class::cast).filter(o -> name.equals(o.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + items.encode()));
    }
}
