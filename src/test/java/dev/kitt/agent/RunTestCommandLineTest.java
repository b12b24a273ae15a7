package dev.kitt.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The `kitt run` command line an agent builds from a run_test payload. */
class RunTestCommandLineTest {
    private static final List<String> KITT = RunTestCommandLine.kittRun(List.of("kitt"));
    private static final Path OUT = Path.of("/tmp/out");

    @Test
    @DisplayName("mode, profile and endpoint in the payload reach kitt run as --mode, --profile and --endpoint")
    void choicesPassThrough() {
        JsonObject payload = new JsonObject().put("model", "org/m").put("engine", "vllm").put("suite", "standard")
                .put("profile", "fast").put("mode", "endpoint").put("endpoint", "http://gpu-1:8000");
        assertEquals(List.of("kitt", "run", "-m", "/models/m", "-e", "vllm", "-s", "standard", "--profile", "fast",
                        "--mode", "endpoint", "--endpoint", "http://gpu-1:8000", "-o", "/tmp/out"),
                RunTestCommandLine.build(KITT, payload, "/models/m", OUT));
    }

    @Test
    @DisplayName("choices the payload leaves out or sends as null are left off, so kitt run uses its defaults")
    void absentChoicesAreDropped() {
        JsonObject payload = new JsonObject().put("model", "m").put("engine", "sim").put("suite", (String) null)
                .put("profile", (String) null).put("mode", (String) null).put("benchmark", "throughput");
        assertEquals(List.of("kitt", "run", "-m", "m", "-e", "sim", "-s", "quick", "-o", "/tmp/out", "-b", "throughput"),
                RunTestCommandLine.build(KITT, payload, "m", OUT));
        JsonObject docker = new JsonObject().put("model", "m").put("engine", "vllm").put("mode", "docker");
        assertEquals(List.of("kitt", "run", "-m", "m", "-e", "vllm", "-s", "quick", "--mode", "docker", "-o", "/tmp/out"),
                RunTestCommandLine.build(KITT, docker, "m", OUT));
    }

    @Test
    @DisplayName("a custom run_test command gets the placeholders it names and no flags it did not ask for")
    void customTemplate() {
        List<String> template = List.of("/bin/sh", "bench.sh", "{output}", "{model}", "{engine}", "{mode}");
        JsonObject payload = new JsonObject().put("model", "m").put("engine", "sim").put("mode", "native");
        assertEquals(List.of("/bin/sh", "bench.sh", "/tmp/out", "m", "sim", "native"),
                RunTestCommandLine.build(template, payload, "m", OUT));
    }
}
