package dev.kitt.settings;

import dev.kitt.cli.Await;
import dev.kitt.store.Database;
import dev.kitt.store.SettingsRepository;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsModelsDevonTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("A value set in the UI wins over the environment variable, and clearing it falls back")
    void uiWinsOverEnvironment(String dialect) {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            Database db = server.server().context().db();
            SettingsService settings = new SettingsService(new SettingsRepository(db),
                    Map.of("KITT_MODEL_DIR", "/env/models"), home);
            assertEquals("/env/models", Await.result(settings.value(Setting.MODEL_DIR)));
            Await.result(settings.update(new JsonObject().put("model_dir", "/ui/models")));
            assertEquals("/ui/models", Await.result(settings.value(Setting.MODEL_DIR)));
            assertEquals("ui", Await.result(settings.describe()).getJsonObject("model_dir").getString("source"));
            Await.result(settings.update(new JsonObject().put("model_dir", "")));
            assertEquals("/env/models", Await.result(settings.value(Setting.MODEL_DIR)));
        }
    }

    @Test
    @DisplayName("The settings API stores valid values and names the bad field in a 400")
    void settingsApi() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            var ok = server.send(HttpMethod.PUT, "/api/v1/settings",
                    "{\"results_dir\":\"/data/results\",\"devon_tab_visible\":false,\"devon_api_key\":\"k\"}", server.token());
            assertEquals(200, ok.statusCode(), ok.bodyAsString());
            JsonObject s = server.get("/api/v1/settings").bodyAsJsonObject();
            assertEquals("/data/results", s.getJsonObject("results_dir").getString("value"));
            assertFalse(s.getJsonObject("devon_tab_visible").getBoolean("value"));
            assertTrue(s.getJsonObject("devon_api_key").getBoolean("set"));
            assertFalse(s.getJsonObject("devon_api_key").containsKey("value"), "secrets are never read back");
            var bad = server.send(HttpMethod.PUT, "/api/v1/settings",
                    "{\"results_dir\":\"/x\",\"model_dir\":\"relative/dir\"}", server.token());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.bodyAsJsonObject().getString("error").startsWith("field 'model_dir'"));
            assertEquals("/data/results", server.get("/api/v1/settings").bodyAsJsonObject()
                    .getJsonObject("results_dir").getString("value"), "a rejected update changes nothing");
            assertEquals(400, server.send(HttpMethod.PUT, "/api/v1/settings", "{\"nope\":1}", server.token()).statusCode());
            assertEquals(400, server.send(HttpMethod.PUT, "/api/v1/settings",
                    "{\"devon_url\":\"ftp://x\"}", server.token()).statusCode());
        }
    }

    @Test
    @DisplayName("A full settings form, saved after a rejected one, stores every field")
    void fullFormAfterRejection() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            server.send(HttpMethod.PUT, "/api/v1/settings", "{\"model_dir\":\"/m\",\"results_dir\":\"rel\",\"devon_url\":\"\",\"devon_tab_visible\":true}", server.token());
            var ok = server.send(HttpMethod.PUT, "/api/v1/settings", "{\"model_dir\":\"/m\",\"results_dir\":\"/srv/r\",\"devon_url\":\"\",\"devon_tab_visible\":true}", server.token());
            assertEquals("/srv/r", ok.bodyAsJsonObject().getJsonObject("results_dir").getString("value"), ok.bodyAsString());
            JsonObject s = server.get("/api/v1/settings").bodyAsJsonObject();
            assertEquals("/srv/r", s.getJsonObject("results_dir").getString("value"), s.encode());
        }
    }

    @Test
    @DisplayName("Models are found in the model directory and in a Devon manifest, with their engines")
    void models() throws Exception {
        Path models = Files.createDirectories(home.resolve("models"));
        Files.writeString(models.resolve("tiny-q4.gguf"), "gguf");
        Path hf = Files.createDirectories(models.resolve("org/llama-8b"));
        Files.writeString(hf.resolve("config.json"), "{}");
        Files.writeString(hf.resolve("model.safetensors"), "w");
        Files.writeString(models.resolve("manifest.json"),
                "{\"models\":[{\"name\":\"qwen-7b\",\"path\":\"/remote/qwen\",\"format\":\"exl2\"},{\"nope\":1}]}");
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            JsonObject page = server.get("/api/v1/models").bodyAsJsonObject();
            assertEquals(3, page.getInteger("total"), page.encodePrettily());
            Map<String, JsonObject> byName = new java.util.HashMap<>();
            page.getJsonArray("items").forEach(o -> byName.put(((JsonObject) o).getString("name"), (JsonObject) o));
            assertEquals("gguf", byName.get("tiny-q4.gguf").getString("format"));
            assertTrue(byName.get("tiny-q4.gguf").getJsonArray("engines").contains("llama_cpp"));
            assertEquals("safetensors", byName.get("org/llama-8b").getString("format"));
            assertEquals("devon", byName.get("qwen-7b").getString("source"));
            assertTrue(byName.get("qwen-7b").getJsonArray("engines").contains("exllamav2"));
        }
    }

    @Test
    @DisplayName("The Devon proxy adds the API key server-side and the status reports reachability")
    void devonProxy() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer devon = Await.result(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body ->
                    req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("path", req.uri()).put("auth", req.getHeader("Authorization"))
                            .put("cookie", req.getHeader("Cookie")).put("body", body.toString()).encode())))
                    .listen(0, "127.0.0.1"));
            try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
                assertFalse(server.get("/api/v1/devon/status").bodyAsJsonObject().getBoolean("configured"));
                server.send(HttpMethod.PUT, "/api/v1/settings", new JsonObject()
                        .put("devon_url", "http://127.0.0.1:" + devon.actualPort()).put("devon_api_key", "devon-secret")
                        .encode(), server.token());
                JsonObject status = server.get("/api/v1/devon/status").bodyAsJsonObject();
                assertTrue(status.getBoolean("reachable"), status.encode());
                assertTrue(status.getBoolean("tab_visible"));

                WebClient web = WebClient.create(vertx);
                var denied = Await.result(web.get(server.port(), "127.0.0.1", "/devon-app/models").send());
                assertEquals(401, denied.statusCode());
                var res = Await.result(web.post(server.port(), "127.0.0.1", "/devon-app/api/x?q=1")
                        .putHeader("Cookie", "kitt_token=" + server.token())
                        .sendBuffer(io.vertx.core.buffer.Buffer.buffer("hello")));
                assertEquals(200, res.statusCode(), res.bodyAsString());
                JsonObject seen = res.bodyAsJsonObject();
                assertEquals("/api/x?q=1", seen.getString("path"));
                assertEquals("Bearer devon-secret", seen.getString("auth"));
                assertEquals(null, seen.getString("cookie"), "KITT's token never reaches Devon");
                assertEquals("hello", seen.getString("body"));
            }
        } finally {
            Await.result(vertx.close());
        }
    }
}
