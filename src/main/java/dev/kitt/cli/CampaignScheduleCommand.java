package dev.kitt.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;

/** `kitt campaign schedule FILE --cron "0 2 * * *"`, `schedule list`, `schedule remove ID` (cron in UTC). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run a campaign file on a cron schedule (UTC), on a server or the local store.",
        subcommands = {CampaignScheduleCommand.ListSchedules.class, CampaignScheduleCommand.Remove.class})
final class CampaignScheduleCommand implements Runnable {
    @Mixin
    CampaignCommand.Target target;

    @Parameters(paramLabel = "FILE", arity = "0..1")
    Path file;

    @Option(names = "--cron", description = "five-field cron expression, e.g. \"0 2 * * *\"")
    String cron;

    @Override
    public void run() {
        if (file == null || cron == null) {
            throw new CliException("give a campaign file and --cron \"EXPR\" (or use schedule list / schedule remove ID)");
        }
        CampaignCommand.cron(cron);
        String yaml = CampaignCommand.read(file);
        CampaignCommand.parse(file);
        try (var client = target.open()) {
            JsonObject s = client.addSchedule(yaml, cron);
            System.out.printf("schedule %s: %s at \"%s\", next %s%n", s.getString("id"), s.getString("name"),
                    s.getString("cron"), Instant.ofEpochMilli(s.getLong("next_fire_at")));
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
                System.out.printf("%-36s  %-16s  %-22s  %s%n", "ID", "CRON", "NEXT", "NAME");
                page.getJsonArray("items").forEach(o -> {
                    JsonObject s = (JsonObject) o;
                    System.out.printf("%-36s  %-16s  %-22s  %s%n", s.getString("id"), s.getString("cron"),
                            Instant.ofEpochMilli(s.getLong("next_fire_at")), s.getString("name"));
                });
                System.out.printf("%d schedule(s)%n", page.getInteger("total"));
            }
        }
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
