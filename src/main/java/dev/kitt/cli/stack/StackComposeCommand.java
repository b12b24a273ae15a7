package dev.kitt.cli.stack;

import dev.kitt.cli.CliException;
import dev.kitt.stack.Stacks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** A `kitt stack` subcommand that runs one `docker compose` action on a named stack, its output streamed. */
abstract class StackComposeCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Parameters(index = "0", paramLabel = "NAME", description = "stack name")
    String name;

    /** The compose arguments; the first names the action in the error when compose fails. */
    abstract List<String> composeArgs();

    /** The line printed once compose has succeeded. */
    abstract String done(Stacks.Entry stack);

    @Override
    public final Integer call() throws Exception {
        return StackCalls.call(() -> {
            Stacks.Entry stack = home.stacks().find(name);
            List<String> args = composeArgs();
            int exit = StackCalls.docker().run(stack, args, System.out);
            if (exit != 0) {
                throw new CliException("docker compose " + args.get(0) + " failed for stack " + name + " (exit " + exit + ")");
            }
            System.out.println(done(stack));
            return 0;
        });
    }
}
