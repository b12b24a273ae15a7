package dev.kitt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kitt ci`: commands for continuous integration jobs. */
@Command(name = "ci",
        mixinStandardHelpOptions = true,
        description = "Benchmark reports for continuous integration.",
        subcommands = {CiReportCommand.class})
public final class CiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
