package dev.kitt.bus;

/**
 * Every event-bus address KITT uses, in one place. Names ending in a verb are request/reply;
 * names that describe a fact are published for anyone to watch.
 */
public final class Addresses {
    private Addresses() {
    }

    // Published facts
    public static final String AGENTS_CONNECTED = "kitt.agents.connected";
    public static final String AGENTS_DISCONNECTED = "kitt.agents.disconnected";
    public static final String AGENTS_HEARTBEAT = "kitt.agents.heartbeat";
    public static final String AGENTS_STATUS = "kitt.agents.status";
    public static final String COMMANDS_UPDATE = "kitt.commands.update";
    public static final String EVENTS = "kitt.events";

    // Request/reply and point-to-point
    public static final String COMMANDS_SUBMIT = "kitt.commands.submit";
    public static final String LOGS_APPEND = "kitt.logs.append";
    /** Request: store a domain event {type, source_id?, body?}; it is then published on {@link #EVENTS} with its seq. */
    public static final String EVENTS_RECORD = "kitt.events.record";
    public static final String BENCHMARK_START = "kitt.bench.start";
    public static final String CAMPAIGNS_LAUNCH = "kitt.campaigns.launch";

    /** Point-to-point: a command frame for the node that holds this agent's socket. */
    public static String agentOut(String agentId) {
        return "kitt.agent." + agentId + ".out";
    }

    /** Published: log lines of one source as stored, with their sequence numbers. */
    public static String logsLive(String sourceId) {
        return "kitt.logs.live." + sourceId;
    }
}
