package dev.kitt.bus;

/**
 * Every event-bus address KITT uses, in one place. Names ending in a verb are request/reply;
 * names that describe a fact are published for anyone to watch.
 */
public final class Addresses {
    private Addresses() {
    }

    // Published facts (EVENTS carries campaign.started / campaign.finished, quicktest.finished, ...)
    public static final String AGENTS_CONNECTED = "kitt.agents.connected";
    public static final String AGENTS_DISCONNECTED = "kitt.agents.disconnected";
    public static final String AGENTS_HEARTBEAT = "kitt.agents.heartbeat";
    public static final String AGENTS_STATUS = "kitt.agents.status";
    public static final String COMMANDS_UPDATE = "kitt.commands.update";
    public static final String EVENTS = "kitt.events";
    /** Published by whoever serves SSE: {"stream": "events"|"logs", "delta": 1 | -1} per subscriber come or gone. */
    public static final String METRICS_SSE = "kitt.metrics.sse";

    // Request/reply and point-to-point
    public static final String COMMANDS_SUBMIT = "kitt.commands.submit";
    public static final String LOGS_APPEND = "kitt.logs.append";
    /** Request: store a domain event {type, source_id?, body?}; it is then published on {@link #EVENTS} with its seq. */
    public static final String EVENTS_RECORD = "kitt.events.record";
    public static final String BENCHMARK_START = "kitt.bench.start";
    /** Request: {commandId, reason?} → {cancelled}: stops the in-server run started for that command. */
    public static final String BENCHMARK_CANCEL = "kitt.bench.cancel";
    public static final String CAMPAIGNS_LAUNCH = "kitt.campaigns.launch";
    /** Request/reply: re-read the store-backed gauges (latest results) before a scrape; empty body, empty reply. */
    public static final String METRICS_REFRESH = "kitt.metrics.refresh";

    /**
     * Request/reply, answered by the agent registry: {agentId} → {id, name, status, is_test,
     * hardware{cpu{architecture}}}; fails with 404 when there is no such agent. Campaigns and quick
     * tests use it to validate agents and match CPU architectures without reading another
     * verticle's table.
     */
    public static final String AGENTS_GET = "kitt.agents.get";

    /**
     * Request/reply, answered by command dispatch: {commandId} → {commandId, agentId, state, error,
     * resultId}; fails with 404 when the command is unknown. A restarted campaign executor asks it
     * what became of the commands it had in flight.
     */
    public static final String COMMANDS_GET = "kitt.commands.get";

    /** Request/reply: {campaignId} → {id, status}; fails 404 (unknown) or 409 (not running or a draft). */
    public static final String CAMPAIGNS_CANCEL = "kitt.campaigns.cancel";
    /** Request: {agentId, frame} an agent sent (ack, status, result, log); replies {ok, reason?, upToSeq?}. */
    public static final String COMMANDS_REPORT = "kitt.commands.report";
    /** Request: {commandId} → the cancelled command's new state. */
    public static final String COMMANDS_CANCEL = "kitt.commands.cancel";
    /** Published: {agentId} whose token was rotated or revoked; its live socket must close. */
    public static final String AGENTS_TOKEN_CHANGED = "kitt.agents.token-changed";

    /** Send: a test agent's command row, to the one node that runs test-agent work (a singleton). */
    public static final String TEST_AGENTS_RUN = "kitt.test-agents.run";
    /** Request: {commandId} → {inFlight}: whether that command is test-agent work running now (it then ends as cancelled). */
    public static final String TEST_AGENTS_CANCEL = "kitt.test-agents.cancel";

    /** Point-to-point: a command frame for the node that holds this agent's socket. */
    public static String agentOut(String agentId) {
        return "kitt.agent." + agentId + ".out";
    }

    /** Published: log lines of one source as stored, with their sequence numbers. */
    public static String logsLive(String sourceId) {
        return "kitt.logs.live." + sourceId;
    }
}
