package dev.kitt.agents;

/**
 * The fleet's intervals in one injectable record, so tests can shrink them: a heartbeat interval
 * override (0 = use each agent's heartbeat_interval_s setting), how many missed heartbeats make an
 * agent stale and offline, the sweep periods, the WebSocket ping period, the frame size limit,
 * and the jar served to agents (null: the jar this server runs from).
 */
public record FleetOptions(
        long heartbeatOverrideMs,
        int staleAfterMissed,
        int offlineAfterMissed,
        long sweepMs,
        long deadlineSweepMs,
        long pingMs,
        int maxFrameBytes,
        long deliveryTimeoutMs,
        java.nio.file.Path packageJar) {

    public static FleetOptions defaults() {
        return new FleetOptions(0, 3, 6, 5_000, 5_000, 30_000, 1024 * 1024, 10_000, null);
    }

    /** Fast intervals for tests: 200 ms heartbeats, quick sweeps. */
    public static FleetOptions fast() {
        return new FleetOptions(200, 3, 6, 100, 100, 1_000, 64 * 1024, 2_000, null);
    }

    public FleetOptions withPackageJar(java.nio.file.Path jar) {
        return new FleetOptions(heartbeatOverrideMs, staleAfterMissed, offlineAfterMissed, sweepMs, deadlineSweepMs,
                pingMs, maxFrameBytes, deliveryTimeoutMs, jar);
    }

    public long heartbeatMs(int settingSeconds) {
        return heartbeatOverrideMs > 0 ? heartbeatOverrideMs : settingSeconds * 1000L;
    }
}
