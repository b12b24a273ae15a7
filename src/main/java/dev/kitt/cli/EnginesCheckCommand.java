package dev.kitt.cli;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineException;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** `kitt engines check`: engine overrides and profiles parse, profiles name real engines, docker is usable. */
@Command(name = "check", description = "Check engine configuration and this host's ability to run engines.")
final class EnginesCheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        EngineRegistry registry = EnginesCommand.registry();
        System.out.println("engines.yaml: ok (" + registry.all().size() + " engines)");
        EngineProfiles profiles;
        try {
            profiles = EngineProfiles.load(KittHome.resolve());
            profiles.all().forEach(p -> registry.get(p.engine()));
        } catch (EngineException | IllegalArgumentException e) {
            throw new CliException("profiles: " + e.getMessage());
        }
        System.out.println("profiles: ok (" + profiles.all().size() + " profiles)");
        boolean docker = HostTools.hasDocker() && HostTools.run(java.util.List.of("docker", "version"), false) == 0;
        System.out.println("docker: " + (docker ? "available" : "not available (docker mode will fail; native and endpoint modes work)"));
        String arch = HostTools.arch();
        for (EngineDescriptor d : registry.all()) {
            System.out.println("  " + d.name() + ": " + (d.cpuArchitectures().contains(arch) ? "supported on " + arch
                    : "not built for " + arch + " (needs " + String.join(", ", d.cpuArchitectures()) + ")"));
        }
        return 0;
    }
}
