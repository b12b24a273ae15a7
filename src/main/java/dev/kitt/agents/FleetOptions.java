package dev.kitt.agents;

/**
 * The fleet's intervals in one injectable record, so tests can shrink them: a heartbeat interval
 * override (0 = use each agent's heartbeat_interval_s setting), how many missed heartbeats make an
 * agent stale and offline, the sweep periods, the WebSocket ping period, the frame size limit,
 * the jar served to agents (null: the jar this server runs from), and which of the server's own
 * parts answer the fleet's request addresses: tests of the campaign executor put stand-ins on
 * {@code kitt.commands.*} / {@code kitt.agents.get} (builtInFleet false), tests of dispatch a
 * stand-in benchmark runner on {@code kitt.bench.start} (builtInBenchmarks false).
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
        java.nio.file.Path packageJar,
        boolean builtInFleet,
        boolean builtInBenchmarks) {

    public FleetOptions(long heartbeatOverrideMs, int staleAfterMissed, int offlineAfterMissed, long sweepMs,
                        long deadlineSweepMs, long pingMs, int maxFrameBytes, long deliveryTimeoutMs,
                        java.nio.file.Path packageJar) {
        this(heartbeatOverrideMs, staleAfterMissed, offlineAfterMissed, sweepMs, deadlineSweepMs, pingMs,
                maxFrameBytes, deliveryTimeoutMs, packageJar, true, true);
    }

    public static FleetOptions defaults() {
        return new FleetOptions(0, 3, 6, 5_000, 5_000, 30_000, 1024 * 1024, 10_000, null);
    }

    /** Fast intervals for tests: 200 ms heartbeats, quick sweeps. */
    public static FleetOptions fast() {
        return new FleetOptions(200, 3, 6, 100, 100, 1_000, 64 * 1024, 2_000, null);
    }

    public FleetOptions withPackageJar(java.nio.file.Path jar) {
        return new FleetOptions(heartbeatOverrideMs, staleAfterMissed, offlineAfterMissed, sweepMs, deadlineSweepMs,
                pingMs, maxFrameBytes, deliveryTimeoutMs, jar, builtInFleet, builtInBenchmarks);
    }

    /** Leaves agent registry, heartbeat and command dispatch undeployed: the caller puts stand-ins there. */
    public FleetOptions withoutBuiltInFleet() {
        return new FleetOptions(heartbeatOverrideMs, staleAfterMissed, offlineAfterMissed, sweepMs, deadlineSweepMs,
                pingMs, maxFrameBytes, deliveryTimeoutMs, packageJar, false, builtInBenchmarks);
    }

    /** Leaves the in-server benchmark runner undeployed: the caller answers kitt.bench.start. */
    public FleetOptions withoutBuiltInBenchmarks() {
        return new FleetOptions(heartbeatOverrideMs, staleAfterMissed, offlineAfterMissed, sweepMs, deadlineSweepMs,
                pingMs, maxFrameBytes, deliveryTimeoutMs, packageJar, builtInFleet, false);
    }

    public long heartbeatMs(int settingSeconds) {
        return heartbeatOverrideMs > 0 ? heartbeatOverrideMs : settingSeconds * 1000L;
    }
}
