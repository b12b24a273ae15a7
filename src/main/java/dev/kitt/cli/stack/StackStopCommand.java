package dev.kitt.cli.stack;

import dev.kitt.cli.CliException;
import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** `kitt stack stop NAME`: `docker compose down` for the stack (volumes are kept). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a stack (docker compose down; data volumes are kept).")
public final class StackStopCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Parameters(index = "0", paramLabel = "NAME", description = "stack name")
    String name;

    @Override
    public Integer call() throws Exception {
        return StackCalls.call(() -> {
            Stacks.Entry stack = home.stacks().find(name);
            int exit = StackCalls.docker().run(stack, List.of("down"), System.out);
            if (exit != 0) {
                throw new CliException("docker compose down failed for stack " + name + " (exit " + exit + ")");
            }
            System.out.println("stack " + name + " stopped");
            return 0;
        });
    }
}
