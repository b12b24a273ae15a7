package dev.kitt.cli.stack;

import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;

import java.util.List;

/** `kitt stack stop NAME`: `docker compose down` for the stack (volumes are kept). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a stack (docker compose down; data volumes are kept).")
public final class StackStopCommand extends StackComposeCommand {
    @Override
    List<String> composeArgs() {
        return List.of("down");
    }

    @Override
    String done(Stacks.Entry stack) {
        return "stack " + name + " stopped";
    }
}
