package dev.kitt.cli.stack;

import dev.kitt.cli.CliException;
import dev.kitt.stack.DockerCompose;
import dev.kitt.stack.StackException;
import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * `kitt stack remove NAME [--force]`: deletes the stack's files and its volumes. A stack with
 * containers is refused unless --force, which takes them down first: removing is for good (the
 * PostgreSQL data goes with it), so it should never happen to a running stack by accident.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a stack: its containers (with --force), volumes and files under KITT_HOME/stacks.")
public final class StackRemoveCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Parameters(index = "0", paramLabel = "NAME", description = "stack name")
    String name;

    @Option(names = "--force", description = "remove even while the stack has containers (they are taken down first)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return StackCalls.call(() -> {
            Stacks stacks = home.stacks();
            Stacks.Entry stack = stacks.find(name);
            DockerCompose docker = dockerIfAny();
            if (docker == null) {
                System.out.println("docker is not available here: removing the files only; volumes of an earlier start are left");
            } else {
                if (docker.hasContainers(stack) && !force) {
                    throw new CliException("stack " + name + " has containers: kitt stack stop " + name
                            + " first, or use --force");
                }
                int exit = docker.run(stack, List.of("down", "--volumes", "--remove-orphans"), System.out);
                if (exit != 0) {
                    throw new CliException("docker compose down failed for stack " + name + " (exit " + exit + ")");
                }
            }
            stacks.delete(stack);
            System.out.println("removed stack " + name + " (" + stack.dir() + ")");
            return 0;
        });
    }

    private static DockerCompose dockerIfAny() {
        try {
            return StackCalls.docker();
        } catch (StackException e) {
            return null;
        }
    }
}
