package dev.kitt.cli;

import dev.kitt.bench.BenchmarkCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `kitt test new NAME`: writes a custom benchmark template to KITT_HOME/benchmarks/NAME.yaml. */
@Command(name = "test", description = "Custom benchmarks.", subcommands = TestCommand.New.class)
public final class TestCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "new", description = "Write a custom benchmark template deriving from a built-in one.")
    static final class New implements Callable<Integer> {
        @Parameters(index = "0", description = "Benchmark name (letters, digits, _ and -).")
        String name;

        @Override
        public Integer call() throws IOException {
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new CliException("benchmark names use letters, digits, _ and - only: " + name);
            }
            if (BenchmarkCatalog.builtins().stream().anyMatch(b -> b.name().equals(name))) {
                throw new CliException(name + " is a built-in benchmark; choose another name");
            }
            Path file = KittHome.resolve().resolve("benchmarks").resolve(name + ".yaml");
            if (Files.exists(file)) {
                throw new CliException(file + " already exists");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, dev.kitt.bench.BenchmarkTemplates.custom(name));
            System.out.println("wrote " + file);
            return 0;
        }
    }
}
