package dev.kitt.cli.stack;

import dev.kitt.cli.CliException;
import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** `kitt stack start NAME`: `docker compose up -d` for the stack, its output streamed. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stack (docker compose up -d).")
public final class StackStartCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Parameters(index = "0", paramLabel = "NAME", description = "stack name")
    String name;

    @Override
    public Integer call() throws Exception {
        return StackCalls.call(() -> {
            Stacks.Entry stack = home.stacks().find(name);
            int exit = StackCalls.docker().run(stack, List.of("up", "-d"), System.out);
            if (exit != 0) {
                throw new CliException("docker compose up failed for stack " + name + " (exit " + exit + ")");
            }
            System.out.println("stack " + name + " started; CA SHA-256 fingerprint: " + stack.caFingerprint());
            return 0;
        });
    }
}
