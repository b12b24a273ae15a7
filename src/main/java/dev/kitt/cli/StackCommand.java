package dev.kitt.cli;

import dev.kitt.cli.stack.StackGenerateCommand;
import dev.kitt.cli.stack.StackListCommand;
import dev.kitt.cli.stack.StackRemoveCommand;
import dev.kitt.cli.stack.StackStartCommand;
import dev.kitt.cli.stack.StackStopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kitt stack ...`: docker-compose deployments of KITT (docs/deployment.md). */
@Command(name = "stack", mixinStandardHelpOptions = true, description = "Generate and run docker-compose stacks of KITT.",
        subcommands = {StackGenerateCommand.class, StackStartCommand.class, StackStopCommand.class,
                StackListCommand.class, StackRemoveCommand.class})
public final class StackCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
