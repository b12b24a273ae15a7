package dev.kitt.cli.stack;

import dev.kitt.stack.Stacks;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --home: KITT_HOME, whose stacks/ folder holds the stacks (a picocli mixin). */
public class StackHomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "KITT_HOME (default: $KITT_HOME or ~/.kitt)")
    Path home;

    Stacks stacks() {
        if (home != null) {
            return new Stacks(home);
        }
        String env = System.getenv("KITT_HOME");
        return new Stacks(env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kitt"));
    }
}
