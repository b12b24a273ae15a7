package dev.kitt.cli.stack;

import dev.kitt.stack.Stacks;
import picocli.CommandLine.Command;

import java.util.List;

/** `kitt stack start NAME`: `docker compose up -d` for the stack, its output streamed. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stack (docker compose up -d).")
public final class StackStartCommand extends StackComposeCommand {
    @Override
    List<String> composeArgs() {
        return List.of("up", "-d");
    }

    @Override
    String done(Stacks.Entry stack) {
        return "stack " + name + " started; CA SHA-256 fingerprint: " + stack.caFingerprint();
    }
}
