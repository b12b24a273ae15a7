package dev.kitt.engines;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kitt.engines.ModelFormat.EXL2;
import static dev.kitt.engines.ModelFormat.GGUF;
import static dev.kitt.engines.ModelFormat.MLX;
import static dev.kitt.engines.ModelFormat.OLLAMA_TAG;
import static dev.kitt.engines.ModelFormat.SAFETENSORS;
import static dev.kitt.engines.RuntimeMode.DOCKER;
import static dev.kitt.engines.RuntimeMode.NATIVE;

/**
 * The six engines KITT ships with, in one list: adding an engine means adding one entry here,
 * nothing else is wired by hand.
 */
final class BuiltinEngines {
    private static final Set<String> X86_ARM = Set.of("x86_64", "aarch64");
    private static final String COMPLETIONS = "/v1/completions";

    private BuiltinEngines() {
    }

    static List<EngineDescriptor> all() {
        return List.of(
                new EngineDescriptor("vllm", "vllm/vllm-openai:latest", 8000, "/health", ApiStyle.OPENAI,
                        COMPLETIONS, Set.of(SAFETENSORS), Set.of(DOCKER, NATIVE), X86_ARM,
                        List.of("vllm", "serve"),
                        (model, port) -> List.of("--model", model, "--host", "0.0.0.0", "--port", str(port))),
                new EngineDescriptor("llama_cpp", "ghcr.io/ggerganov/llama.cpp:server", 8081, "/health",
                        ApiStyle.OPENAI, COMPLETIONS, Set.of(GGUF), Set.of(DOCKER, NATIVE), X86_ARM,
                        List.of("llama-server"),
                        (model, port) -> List.of("-m", model, "--host", "0.0.0.0", "--port", str(port))),
                new EngineDescriptor("ollama", "ollama/ollama:latest", 11434, "/api/tags", ApiStyle.OLLAMA,
                        "/api/generate", Set.of(GGUF, OLLAMA_TAG), Set.of(DOCKER, NATIVE), X86_ARM,
                        List.of("ollama", "serve"), new OllamaLauncher()),
                new EngineDescriptor("exllamav2", "kitt/exllamav2:latest", 8000, "/health", ApiStyle.OPENAI,
                        COMPLETIONS, Set.of(EXL2, SAFETENSORS), Set.of(DOCKER), Set.of("x86_64"),
                        List.of(),
                        (model, port) -> List.of("--model", model, "--host", "0.0.0.0", "--port", str(port))),
                new EngineDescriptor("mlx", null, 8000, "/health", ApiStyle.OPENAI, COMPLETIONS,
                        Set.of(MLX, SAFETENSORS), Set.of(NATIVE), Set.of("aarch64"),
                        List.of("mlx_lm.server"),
                        (model, port) -> List.of("--model", model, "--host", "127.0.0.1", "--port", str(port))),
                new EngineDescriptor("sim", "kitt/engine-sim:latest", 8000, "/health", ApiStyle.OPENAI,
                        COMPLETIONS, Set.of(ModelFormat.values()), Set.of(DOCKER, NATIVE), X86_ARM,
                        List.of("kitt", "engine-sim"),
                        (model, port) -> List.of("--port", str(port))));
    }

    private static String str(int port) {
        return Integer.toString(port);
    }

    /** Ollama takes its listen address from the environment and loads models by name later. */
    private static final class OllamaLauncher implements EngineLauncher {
        @Override
        public List<String> args(String modelRef, int port) {
            return List.of();
        }

        @Override
        public Map<String, String> env(int port) {
            return Map.of("OLLAMA_HOST", "0.0.0.0:" + port);
        }
    }
}
