package dev.kitt.cli.stack;

import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** `kitt stack list`: the generated stacks, one a line (no docker needed). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stacks under KITT_HOME/stacks.")
public final class StackListCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Override
    public Integer call() throws Exception {
        return StackCalls.call(() -> {
            List<Stacks.Entry> stacks = home.stacks().list();
            if (stacks.isEmpty()) {
                System.out.println("no stacks under " + home.stacks().root() + " (kitt stack generate NAME)");
                return 0;
            }
            System.out.printf("%-20s %-24s %-50s %s%n", "NAME", "CREATED", "SERVICES", "PATH");
            for (Stacks.Entry s : stacks) {
                System.out.printf("%-20s %-24s %-50s %s%n", s.name(), s.created(), String.join(",", s.services()), s.dir());
            }
            return 0;
        });
    }
}
