package dev.kitt.cli;

import dev.kitt.campaigns.plan.AgentInfo;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.plan.Planner;
import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.cli.campaign.CampaignClient;
import dev.kitt.cli.campaign.ExecutorCampaignRunner;
import dev.kitt.cli.campaign.LocalCampaignClient;
import dev.kitt.cli.campaign.LocalCampaignRunner;
import dev.kitt.cli.campaign.PlanPrinter;
import dev.kitt.cli.campaign.RemoteCampaignClient;
import dev.kitt.config.KittConfig;
import dev.kitt.hardware.HardwareProbe;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `kitt campaign run FILE [--dry-run] [--resume] | list | status ID | schedule FILE --cron EXPR | schedule list | remove`. */
@Command(name = "campaign", mixinStandardHelpOptions = true, description = "Campaigns: matrices of models × engines.",
        subcommands = {CampaignCommand.Run.class, CampaignCommand.ListCampaigns.class, CampaignCommand.Status.class,
                CampaignCommand.Logs.class, CampaignScheduleCommand.class})
public final class CampaignCommand {

    /** --server URL (+ token) or the local store. */
    static class Target extends ServerTarget {
        RemoteCampaignClient remote() {
            return new RemoteCampaignClient(server, token(), trust());
        }

        CampaignClient open() {
            return server != null ? remote() : new LocalCampaignClient(config.load(Map.of()));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read campaign file " + file + ": " + e.getMessage());
        }
    }

    static CampaignSpec parse(Path file) {
        try {
            return CampaignSpec.fromYaml(read(file));
        } catch (SpecException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a campaign file here, or on a server with --server; --dry-run prints the plan.")
    static final class Run implements Callable<Integer> {
        @Mixin
        Target target;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--dry-run", description = "print the plan (with skipped pairs and why) and stop")
        boolean dryRun;

        @Option(names = "--resume", description = "resume the last failed, cancelled (or, here, interrupted) campaign "
                + "of this name: what already succeeded is skipped")
        boolean resume;

        @Option(names = "--agent", description = "agent id to run on (with --server; adds to the file's agents)")
        List<String> agents;

        @Override
        public Integer call() {
            CampaignSpec spec = withAgents(parse(file), agents);
            notes(spec);
            return target.server != null ? onServer(spec) : locally(spec);
        }

        /** Keys of the file that this command does not act on, said once on stderr rather than ignored silently. */
        private void notes(CampaignSpec spec) {
            if (spec.schedule() != null) {
                System.err.println("note: campaign run runs the file now; its schedule \"" + spec.schedule()
                        + "\" is used by kitt campaign schedule " + file);
            }
            if (!spec.keptWithoutEffect().isEmpty()) {
                System.err.println("note: " + String.join(", ", spec.keptWithoutEffect())
                        + " kept with the campaign but not acted on by KITT (see docs/campaigns.md)");
            }
        }

        private int locally(CampaignSpec spec) {
            Plan plan;
            try {
                spec = spec.onThisMachine();
                plan = new Planner(EngineCatalog.standard()).plan(spec, List.of(AgentInfo.local()));
            } catch (SpecException e) {
                throw new CliException(file + ": " + e.getMessage());
            }
            PlanPrinter.print(plan.toJson(), System.out);
            if (plan.runnable().isEmpty()) {
                throw new CliException("empty matrix: no model × engine pair of " + file + " can run on this machine");
            }
            if (dryRun) {
                return 0;
            }
            KittConfig config = target.config.load(Map.of());
            LocalCampaignRunner runner = new ExecutorCampaignRunner(config,
                    () -> HardwareProbe.local().probe(config.home()).toJson());
            return runner.run(spec, plan, resume, System.out);
        }

        private int onServer(CampaignSpec spec) {
            try (RemoteCampaignClient client = target.remote()) {
                if (dryRun) {
                    PlanPrinter.print(client.send(HttpMethod.POST, "/campaigns/plan", spec.raw()).bodyAsJsonObject(),
                            System.out);
                    return 0;
                }
                if (resume) {
                    JsonObject last = client.list().getJsonArray("items").stream().map(o -> (JsonObject) o)
                            .filter(c -> spec.name().equals(c.getString("name"))
                                    && List.of("failed", "cancelled").contains(c.getString("status")))
                            .findFirst().orElseThrow(() -> new CliException("no failed or cancelled campaign named "
                                    + spec.name() + " to resume on " + target.server));
                    client.send(HttpMethod.POST, "/campaigns/" + last.getString("id") + "/resume", new JsonObject());
                    System.out.println("resumed campaign " + last.getString("id"));
                    return 0;
                }
                JsonObject c = client.send(HttpMethod.POST, "/campaigns", spec.raw().copy().put("launch", true))
                        .bodyAsJsonObject();
                JsonObject n = c.getJsonObject("counts");
                System.out.printf("campaign %s launched: %d run(s) planned, %d skipped%n", c.getString("id"),
                        n.getLong("planned") - n.getLong("skipped"), n.getLong("skipped"));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List campaigns, newest first.")
    static final class ListCampaigns implements Runnable {
        @Mixin
        Target target;

        @Override
        public void run() {
            try (CampaignClient client = target.open()) {
                JsonObject page = client.list();
                System.out.printf("%-36s  %-10s  %s%n", "ID", "STATUS", "NAME");
                page.getJsonArray("items").forEach(o -> {
                    JsonObject c = (JsonObject) o;
                    System.out.printf("%-36s  %-10s  %s%n", c.getString("id"), c.getString("status"), c.getString("name"));
                });
                System.out.printf("%d campaign(s)%n", page.getLong("total"));
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "A campaign's rollup report.")
    static final class Status implements Runnable {
        @Mixin
        Target target;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Override
        public void run() {
            try (CampaignClient client = target.open()) {
                JsonObject report = client.report(id);
                String md = (String) report.remove("markdown");
                System.out.println(json ? report.encodePrettily() : md);
            }
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "A campaign's stored log, or with SEQ the log of its run #SEQ (the latest attempt).")
    static final class Logs implements Runnable {
        @Mixin
        Target target;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "SEQ", arity = "0..1", description = "the run's # in the rollup")
        Integer seq;

        @Override
        public void run() {
            try (CampaignClient client = target.open()) {
                List<String> lines = client.log(id, seq);
                lines.forEach(System.out::println);
                if (lines.isEmpty()) {
                    System.out.println("(no log lines stored)");
                }
            }
        }
    }

    /** The file's agents plus those given with --agent (the file itself is not changed). */
    static CampaignSpec withAgents(CampaignSpec spec, List<String> extra) {
        if (extra == null || extra.isEmpty()) {
            return spec;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(spec.agents());
        all.addAll(extra);
        return spec.withAgents(List.copyOf(all));
    }

    static CronSchedule cron(String expr) {
        try {
            return CronSchedule.parse(expr);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
