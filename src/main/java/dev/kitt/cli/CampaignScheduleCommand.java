package dev.kitt.cli;

import dev.kitt.campaigns.plan.AgentInfo;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.plan.Planner;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.cli.campaign.PlanPrinter;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** `kitt campaign schedule FILE --cron "0 2 * * *"`, `schedule list`, `schedule remove ID` (cron in UTC). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run a campaign file on a cron schedule (UTC), on a server or the local store.",
        subcommands = {CampaignScheduleCommand.ListSchedules.class, CampaignScheduleCommand.Remove.class})
final class CampaignScheduleCommand implements Runnable {
    @Mixin
    CampaignCommand.Target target;

    @Parameters(paramLabel = "FILE", arity = "0..1")
    Path file;

    @Option(names = "--cron", description = "five-field cron expression, e.g. \"0 2 * * *\" (default: the file's schedule)")
    String cron;

    @Option(names = "--agent", description = "agent id to run on (repeatable; adds to the file's agents, so a file "
            + "in the original layout, without agents, schedules unchanged)")
    List<String> agents;

    @Override
    public void run() {
        if (file == null) {
            throw new CliException("give a campaign file and --cron \"EXPR\" (or use schedule list / schedule remove ID)");
        }
        CampaignSpec spec = CampaignCommand.withAgents(CampaignCommand.parse(file), agents);
        if (cron == null && spec.schedule() == null) {
            throw new CliException("give --cron \"EXPR\" (the file has no schedule: key)");
        }
        String cron = this.cron != null ? this.cron : spec.schedule();
        CampaignCommand.cron(cron);
        if (spec.agents().isEmpty()) {
            // Whoever fires it (the server, or the kitt server on this store) runs it on agents: say so now, not at 2 am.
            throw new CliException(file + ": campaign '" + spec.name() + "' names no agents, so the server could not "
                    + "run it when it fires: add agents: [<agent id>, ...] to the file or pass --agent ID");
        }
        if (target.server == null) {
            validateHere(spec);
        }
        try (var client = target.open()) {
            JsonObject s = client.addSchedule(spec.raw(), cron);
            System.out.printf("schedule %s: %s at \"%s\", next %s%n", s.getString("id"), s.getString("name"),
                    s.getString("cron"), Instant.ofEpochMilli(s.getLong("next_fire_at")));
            if (target.server == null) {
                System.out.println("stored in the local store: it fires while a kitt server runs on this store "
                        + "(same KITT_HOME and database), on that server's agents");
            }
        }
    }

    /**
     * The checks `campaign run` makes, for a schedule the server validates only when it fires:
     * engines and suites exist and the matrix is not empty. The agents' CPUs are not known here,
     * so any agent is taken to run any engine; the server drops what its agents cannot run.
     */
    private void validateHere(CampaignSpec spec) {
        List<AgentInfo> anyCpu = spec.agents().stream().map(id -> new AgentInfo(id, id, null, false)).toList();
        Plan plan;
        try {
            plan = new Planner(EngineCatalog.standard()).plan(spec, anyCpu);
        } catch (SpecException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
        if (plan.runnable().isEmpty()) {
            PlanPrinter.print(plan.toJson(), System.out);
            throw new CliException("empty matrix: no model × engine pair of " + file + " can run");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
    static final class ListSchedules implements Runnable {
        @Mixin
        CampaignCommand.Target target;

        @Override
        public void run() {
            try (var client = target.open()) {
                JsonObject page = client.schedules();
                System.out.printf("%-36s  %-16s  %-22s  %-22s  %-16s  %s%n", "ID", "CRON", "NEXT", "LAST FIRED", "NAME",
                        "LAST OUTCOME");
                page.getJsonArray("items").forEach(o -> {
                    JsonObject s = (JsonObject) o;
                    Long fired = s.getLong("last_fired_at");
                    System.out.printf("%-36s  %-16s  %-22s  %-22s  %-16s  %s%n", s.getString("id"), s.getString("cron"),
                            Instant.ofEpochMilli(s.getLong("next_fire_at")), fired == null ? "never" : Instant.ofEpochMilli(fired),
                            s.getString("name"), outcome(s));
                });
                System.out.printf("%d schedule(s)%n", page.getInteger("total"));
            }
        }
    }

    /** What the last firing did: the campaign it started, or why it could not. */
    static String outcome(JsonObject s) {
        if (s.getLong("last_fired_at") == null) {
            return "-";
        }
        String campaign = s.getString("last_campaign_id");
        String error = s.getString("last_error");
        if (error != null) {
            return "FAILED: " + error + (campaign == null ? "" : " (campaign " + campaign + ")");
        }
        return campaign == null ? "firing" : "started campaign " + campaign;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a schedule.")
    static final class Remove implements Runnable {
        @Mixin
        CampaignCommand.Target target;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public void run() {
            try (var client = target.open()) {
                if (!client.removeSchedule(id)) {
                    throw new CliException("no schedule with id " + id);
                }
                System.out.println("removed schedule " + id);
            }
        }
    }
}
