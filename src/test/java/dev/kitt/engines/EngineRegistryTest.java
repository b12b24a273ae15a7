package dev.kitt.engines;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineRegistryTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("The registry lists the six built-in engines with their documented defaults")
    void builtins() {
        EngineRegistry r = EngineRegistry.builtin();
        assertEquals(List.of("vllm", "llama_cpp", "ollama", "exllamav2", "mlx", "sim"), r.all().stream().map(EngineDescriptor::name).toList());
        EngineDescriptor vllm = r.get("vllm");
        assertEquals("vllm/vllm-openai:latest", vllm.defaultImage());
        assertEquals(8000, vllm.defaultPort());
        assertEquals("/health", vllm.healthPath());
        EngineDescriptor llama = r.get("llama_cpp");
        assertEquals("ghcr.io/ggerganov/llama.cpp:server", llama.defaultImage());
        assertEquals(8081, llama.defaultPort());
        EngineDescriptor ollama = r.get("ollama");
        assertEquals(ApiStyle.OLLAMA, ollama.apiStyle());
        assertEquals("/api/tags", ollama.healthPath());
        assertEquals("/api/generate", ollama.generatePath());
        assertEquals(11434, ollama.defaultPort());
        assertEquals("kitt/exllamav2:latest", r.get("exllamav2").defaultImage());
        assertEquals(Set.of(RuntimeMode.NATIVE), r.get("mlx").modes());
        assertTrue(r.get("mlx").nativeOnly());
    }

    @Test
    @DisplayName("Images and ports can be overridden in KITT_HOME/engines.yaml, and unknown engines there are rejected")
    void overrides() throws IOException {
        Files.writeString(home.resolve("engines.yaml"), "engines:\n  vllm:\n    image: mirror.local/vllm:0.6.3\n    port: 8100\n");
        EngineRegistry r = EngineRegistry.load(home);
        assertEquals("mirror.local/vllm:0.6.3", r.get("vllm").defaultImage());
        assertEquals(8100, r.get("vllm").defaultPort());
        assertEquals("ollama/ollama:latest", r.get("ollama").defaultImage());
        EngineException e = assertThrows(EngineException.class,
                () -> EngineRegistry.withOverrides(new JsonObject().put("engines", new JsonObject().put("tgi", new JsonObject()))));
        assertTrue(e.getMessage().startsWith("engines.yaml names unknown engine 'tgi'"));
    }

    @Test
    @DisplayName("Model formats are detected from disk and checked against the engine before anything starts")
    void formatChecks() throws IOException {
        Path gguf = Files.writeString(home.resolve("m.gguf"), "x");
        Path st = Files.createDirectories(home.resolve("st"));
        Files.writeString(st.resolve("model.safetensors"), "x");
        Path exl2 = Files.createDirectories(home.resolve("exl2"));
        Files.writeString(exl2.resolve("config.json"), "{\"quantization_config\":{\"quant_method\":\"exl2\"}}");
        assertEquals(ModelFormat.GGUF, ModelFormats.detect(gguf).orElseThrow());
        assertEquals(ModelFormat.SAFETENSORS, ModelFormats.detect(st).orElseThrow());
        assertEquals(ModelFormat.EXL2, ModelFormats.detect(exl2).orElseThrow());
        EngineRegistry r = EngineRegistry.builtin();
        ModelFormats.check(r.get("llama_cpp"), gguf.toString(), true);
        ModelFormats.check(r.get("vllm"), st.toString(), true);
        ModelFormats.check(r.get("ollama"), "llama3:8b", true);
        EngineException e = assertThrows(EngineException.class, () -> ModelFormats.check(r.get("llama_cpp"), st.toString(), true));
        assertEquals("engine llama_cpp cannot load safetensors model " + st + "; it supports: gguf", e.getMessage());
    }

    @Test
    @DisplayName("Built-in profiles load from YAML, user profiles add to them, and a profile must match its engine")
    void profiles() throws IOException {
        Files.writeString(home.resolve("profiles.yaml"),
                "profiles:\n  my-vllm:\n    engine: vllm\n    description: mine\n    args: [\"--max-num-seqs\", \"64\"]\n    env: {HF_HUB_OFFLINE: 1}\n");
        EngineProfiles p = EngineProfiles.load(home);
        assertTrue(p.all().stream().anyMatch(x -> x.name().equals("vllm-fp8-kv") && x.source().equals("built-in")));
        EngineProfile mine = p.get("my-vllm", "vllm");
        assertEquals(List.of("--max-num-seqs", "64"), mine.args());
        assertEquals("1", mine.env().get("HF_HUB_OFFLINE"));
        assertFalse(p.forEngine("ollama").isEmpty());
        EngineException e = assertThrows(EngineException.class, () -> p.get("my-vllm", "ollama"));
        assertEquals("profile 'my-vllm' is for engine vllm, not ollama", e.getMessage());
    }
}
