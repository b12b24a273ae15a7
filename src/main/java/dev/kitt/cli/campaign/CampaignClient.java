package dev.kitt.cli.campaign;

import io.vertx.core.json.JsonObject;

/** The campaign operations the CLI needs, on a server or the local store. Errors are CliExceptions. */
public interface CampaignClient extends AutoCloseable {
    JsonObject list();

    /** The rollup report of a campaign: JSON, or Markdown text under "markdown". */
    JsonObject report(String id);

    /** Stores a schedule for a definition (the parsed file, agents from --agent included). */
    JsonObject addSchedule(JsonObject definition, String cron);

    JsonObject schedules();

    boolean removeSchedule(String id);

    @Override
    void close();
}
