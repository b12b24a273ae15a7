package dev.kitt.cli;

import dev.kitt.engines.EngineException;
import dev.kitt.engines.EngineProfile;
import dev.kitt.engines.EngineProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `kitt engines profiles list|show`: built-in and KITT_HOME/profiles.yaml engine profiles. */
@Command(name = "profiles", description = "Engine profiles (runtime args and env per engine).",
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Show.class})
final class ProfilesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static EngineProfiles load() {
        try {
            return EngineProfiles.load(KittHome.resolve());
        } catch (EngineException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    @Command(name = "list", description = "All profiles, optionally for one engine.")
    static final class ListProfiles implements Runnable {
        @Option(names = {"-e", "--engine"})
        String engine;

        @Override
        public void run() {
            System.out.printf("%-26s %-10s %-10s %s%n", "PROFILE", "ENGINE", "SOURCE", "DESCRIPTION");
            for (EngineProfile p : engine == null ? load().all() : load().forEngine(engine)) {
                System.out.printf("%-26s %-10s %-10s %s%n", p.name(), p.engine(),
                        p.source().equals("built-in") ? "built-in" : "user", p.description());
            }
        }
    }

    @Command(name = "show", description = "One profile's arguments and environment.")
    static final class Show implements Runnable {
        @Parameters(index = "0")
        String name;

        @Override
        public void run() {
            try {
                System.out.println(load().get(name, null).toJson().encodePrettily());
            } catch (EngineException e) {
                throw new CliException(e.getMessage());
            }
        }
    }
}
