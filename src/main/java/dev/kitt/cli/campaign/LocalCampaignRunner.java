package dev.kitt.cli.campaign;

import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.spec.CampaignSpec;

import java.io.PrintStream;

/** Runs a planned campaign on this machine ({@link ExecutorCampaignRunner}), one run after another. */
public interface LocalCampaignRunner {
    /** Runs every runnable entry of the plan; {@code resume} skips runs that already succeeded. Returns the exit code. */
    int run(CampaignSpec spec, Plan plan, boolean resume, PrintStream out);
}
