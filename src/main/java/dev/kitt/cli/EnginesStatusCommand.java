package dev.kitt.cli;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.runtime.DockerCommands;
import dev.kitt.util.Executables;
import picocli.CommandLine.Command;

/** `kitt engines status`: per engine, the native binary on PATH and whether its image is present. */
@Command(name = "status", description = "Show which engines are installed natively or as images.")
final class EnginesStatusCommand implements Runnable {
    @Override
    public void run() {
        boolean docker = HostTools.hasDocker();
        System.out.printf("%-10s %-40s %s%n", "ENGINE", "NATIVE BINARY", "IMAGE");
        for (EngineDescriptor d : EnginesCommand.registry().all()) {
            String binary = d.nativeCommand().isEmpty() ? "(none)" : Executables.onSystemPath(d.nativeCommand().get(0))
                    .map(Object::toString).orElse(d.nativeCommand().get(0) + ": not on PATH");
            String image;
            if (d.defaultImage() == null) {
                image = "(native only)";
            } else if (!docker) {
                image = "unknown (no docker)";
            } else {
                image = d.defaultImage() + (HostTools.run(DockerCommands.imageInspect(d.defaultImage()), false) == 0
                        ? " present" : " missing");
            }
            System.out.printf("%-10s %-40s %s%n", d.name(), binary, image);
        }
    }
}
