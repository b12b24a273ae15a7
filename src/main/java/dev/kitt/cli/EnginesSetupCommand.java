package dev.kitt.cli;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.runtime.DockerCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `kitt engines setup [--dry-run] [ENGINE...]`: pulls engine images (all engines when none named). */
@Command(name = "setup", description = "Pull the container images of engines (all by default).")
final class EnginesSetupCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "Print what would run without running it.")
    boolean dryRun;
    @Parameters(arity = "0..*", description = "Engines to set up.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<EngineDescriptor> engines = names.isEmpty() ? EnginesCommand.registry().all()
                : names.stream().map(n -> EnginesCommand.registry().get(n)).toList();
        if (!dryRun && !HostTools.hasDocker()) {
            throw new CliException("docker not found on PATH; install Docker or use --dry-run");
        }
        int failures = 0;
        for (EngineDescriptor d : engines) {
            if (d.defaultImage() == null || d.name().equals("sim")) {
                System.out.println("# " + d.name() + ": no image to pull ("
                        + (d.name().equals("sim") ? "built into kitt" : "native only: install " + String.join(" ", d.nativeCommand())) + ")");
                continue;
            }
            List<String> pull = DockerCommands.pull(d.defaultImage());
            System.out.println(String.join(" ", pull));
            if (!dryRun && HostTools.run(pull, true) != 0) {
                System.err.println("kitt: pulling " + d.defaultImage() + " failed");
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
