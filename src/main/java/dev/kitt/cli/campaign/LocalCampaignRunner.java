package dev.kitt.cli.campaign;

import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.spec.CampaignSpec;

import java.io.PrintStream;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs a planned campaign on this machine, one run after another, with the benchmark executor.
 * The executor is built on another branch (dev.kitt.bench / dev.kitt.engines); it provides an
 * implementation through {@link ServiceLoader} (META-INF/services), and until then
 * `kitt campaign run FILE` without --server says that local execution needs it.
 */
public interface LocalCampaignRunner {
    /** Runs every runnable entry of the plan; {@code resume} skips runs that already succeeded. Returns the exit code. */
    int run(CampaignSpec spec, Plan plan, boolean resume, PrintStream out);

    static Optional<LocalCampaignRunner> find() {
        return ServiceLoader.load(LocalCampaignRunner.class).findFirst();
    }
}
