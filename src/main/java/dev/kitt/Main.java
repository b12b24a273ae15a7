package dev.kitt;

import dev.kitt.cli.KittCommand;

/**
 * Entry point of the single `kitt` jar: every role (server, agent, CLI) is a subcommand.
 * Long-running subcommands block until they are told to stop, so exiting here is always right.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(KittCommand.commandLine().execute(args));
    }
}
