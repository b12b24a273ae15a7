package dev.kitt.cli;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineException;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.ModelFormat;
import dev.kitt.engines.RuntimeMode;
import picocli.CommandLine.Command;

import java.util.stream.Collectors;

/** `kitt engines`: what engines KITT knows and whether this machine can run them. */
@Command(name = "engines", description = "List, set up and check inference engines.",
        subcommands = {EnginesCommand.ListEngines.class, EnginesSetupCommand.class, EnginesCheckCommand.class,
            EnginesStatusCommand.class, ProfilesCommand.class})
public final class EnginesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static EngineRegistry registry() {
        try {
            return EngineRegistry.load(KittHome.resolve());
        } catch (EngineException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Command(name = "list", description = "Every engine with its image, port, API and supported formats.")
    static final class ListEngines implements Runnable {
        @Override
        public void run() {
            System.out.printf("%-10s %-36s %-6s %-10s %-7s %-32s %-14s %s%n", "ENGINE", "IMAGE", "PORT", "HEALTH", "API",
                    "FORMATS", "MODES", "ARCH");
            for (EngineDescriptor d : registry().all()) {
                System.out.printf("%-10s %-36s %-6d %-10s %-7s %-32s %-14s %s%n", d.name(),
                        d.defaultImage() == null ? "(native only)" : d.defaultImage(), d.defaultPort(), d.healthPath(),
                        d.apiStyle().id(), d.modelFormats().stream().map(ModelFormat::id).sorted().collect(Collectors.joining(",")),
                        d.modes().stream().map(RuntimeMode::id).sorted().collect(Collectors.joining(",")),
                        String.join(",", d.cpuArchitectures().stream().sorted().toList()));
            }
        }
    }
}
