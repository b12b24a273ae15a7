package dev.kitt.agents.dispatch;

import java.util.Set;

/** The command types an agent understands (docs/agent-protocol.md) and the terminal states. */
public final class CommandTypes {
    public static final Set<String> ALL = Set.of("run_container", "run_test", "stop_container", "check_docker",
            "cleanup_storage", "cancel");
    public static final Set<String> FINAL_STATES = Set.of("succeeded", "failed", "cancelled", "timed_out");

    private CommandTypes() {
    }
}
