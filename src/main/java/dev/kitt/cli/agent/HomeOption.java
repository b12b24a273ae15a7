package dev.kitt.cli.agent;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --home: KITT_HOME, where agent.yaml, the outbox and the status file live (a picocli mixin). */
public class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "KITT_HOME (default: $KITT_HOME or ~/.kitt)")
    Path home;

    Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("KITT_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kitt");
    }
}
