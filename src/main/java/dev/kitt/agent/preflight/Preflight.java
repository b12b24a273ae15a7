package dev.kitt.agent.preflight;

import dev.kitt.hardware.GpuSampler;
import dev.kitt.hardware.Host;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every agent preflight check in a fixed order and collects the outcomes. Blocking for up
 * to a few seconds per tool and the HTTP timeout: run it off the event loop.
 */
public final class Preflight {
    private final Host host;

    public Preflight(Host host) {
        this.host = host;
    }

    public PreflightReport run(PreflightOptions options) {
        HostChecks hostChecks = new HostChecks(host.commands());
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(hostChecks.java());
        checks.addAll(new DockerChecks(host.commands()).run());
        checks.add(hostChecks.nvidiaSmi(new GpuSampler(host).sample()));
        checks.add(hostChecks.nfs());
        checks.add(hostChecks.freeSpace(options.modelDir(), options.minFreeGb()));
        checks.add(new ServerCheck().run(options.server(), options.httpTimeout(), options.trust()));
        checks.add(hostChecks.agentPort(options.agentPort()));
        return new PreflightReport(checks);
    }
}
