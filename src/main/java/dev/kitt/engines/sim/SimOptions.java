package dev.kitt.engines.sim;

/**
 * How to start the simulated engine. Port 0 picks a free port.
 *
 * @param truthCapacity how many requests' token timings to keep (0: record nothing)
 */
public record SimOptions(String host, int port, SimProfile profile, long seed, int truthCapacity) {

    public static SimOptions defaults() {
        return new SimOptions("127.0.0.1", 0, SimProfile.named(SimProfile.DEFAULT), 42L, 100_000);
    }

    public SimOptions withPort(int p) {
        return new SimOptions(host, p, profile, seed, truthCapacity);
    }

    public SimOptions withHost(String h) {
        return new SimOptions(h, port, profile, seed, truthCapacity);
    }

    public SimOptions withProfile(SimProfile p) {
        return new SimOptions(host, port, p, seed, truthCapacity);
    }

    public SimOptions withSeed(long s) {
        return new SimOptions(host, port, profile, s, truthCapacity);
    }

    public SimOptions withTruthCapacity(int n) {
        return new SimOptions(host, port, profile, seed, n);
    }
}
