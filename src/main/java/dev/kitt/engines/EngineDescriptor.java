package dev.kitt.engines;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything KITT knows about one engine before starting it. Plain data: the launch details
 * that differ per engine live in {@link EngineLauncher} so a descriptor stays comparable.
 *
 * @param generatePath  the path benchmarks post to (OpenAI engines use /v1/completions)
 * @param nativeCommand the program (and leading arguments) that runs the engine on the host
 */
public record EngineDescriptor(
        String name,
        String defaultImage,
        int defaultPort,
        String healthPath,
        ApiStyle apiStyle,
        String generatePath,
        Set<ModelFormat> modelFormats,
        Set<RuntimeMode> modes,
        Set<String> cpuArchitectures,
        List<String> nativeCommand,
        EngineLauncher launcher) {

    public boolean supports(ModelFormat format) {
        return modelFormats.contains(format);
    }

    public boolean supports(RuntimeMode mode) {
        return mode == RuntimeMode.ENDPOINT || modes.contains(mode);
    }

    public String formatList() {
        return modelFormats.stream().map(ModelFormat::id).sorted().collect(Collectors.joining(", "));
    }

    public EngineDescriptor withImage(String image) {
        return new EngineDescriptor(name, image, defaultPort, healthPath, apiStyle, generatePath,
                modelFormats, modes, cpuArchitectures, nativeCommand, launcher);
    }

    public EngineDescriptor withPort(int port) {
        return new EngineDescriptor(name, defaultImage, port, healthPath, apiStyle, generatePath,
                modelFormats, modes, cpuArchitectures, nativeCommand, launcher);
    }

    /** Launch arguments for the engine process, whether inside a container or on the host. */
    public List<String> engineArgs(String modelRef, int port) {
        return launcher.args(modelRef, port);
    }

    public Map<String, String> engineEnv(int port) {
        return launcher.env(port);
    }

    public boolean nativeOnly() {
        return !modes.contains(RuntimeMode.DOCKER);
    }
}
