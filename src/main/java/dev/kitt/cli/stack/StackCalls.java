package dev.kitt.cli.stack;

import dev.kitt.cli.CliException;
import dev.kitt.stack.DockerCompose;
import dev.kitt.stack.StackException;

import java.util.concurrent.Callable;

/** Runs a stack action, turning what the stack package rejects into the CLI's one-line error. */
final class StackCalls {
    private StackCalls() {
    }

    static int call(Callable<Integer> action) throws Exception {
        try {
            return action.call();
        } catch (StackException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    static DockerCompose docker() {
        return DockerCompose.locate(System.getenv("PATH"));
    }
}
