package dev.kitt.cli;

import dev.kitt.cli.agent.AgentInitCommand;
import dev.kitt.cli.agent.AgentServiceCommand;
import dev.kitt.cli.agent.AgentStartCommand;
import dev.kitt.cli.agent.AgentStatusCommand;
import dev.kitt.cli.agent.AgentStopCommand;
import dev.kitt.cli.agent.AgentTestCommand;
import dev.kitt.cli.agent.AgentUpdateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `kitt agent ...`: the agent daemon on a GPU host (docs/agent-protocol.md). */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run and manage the KITT agent on a GPU host.",
        subcommands = {AgentInitCommand.class, AgentStartCommand.class, AgentStatusCommand.class, AgentStopCommand.class,
                AgentPreflightCommand.class, AgentUpdateCommand.class, AgentServiceCommand.class, AgentTestCommand.class})
public final class AgentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
