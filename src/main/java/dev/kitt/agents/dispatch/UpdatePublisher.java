package dev.kitt.agents.dispatch;

/** Publishes one command transition on {@code kitt.commands.update}. */
@FunctionalInterface
interface UpdatePublisher {
    void publish(String commandId, String agentId, String state, String error);
}
