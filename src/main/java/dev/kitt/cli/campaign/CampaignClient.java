package dev.kitt.cli.campaign;

import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.cli.CliException;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The campaign operations the CLI needs, on a server or the local store. Errors are CliExceptions. */
public interface CampaignClient extends AutoCloseable {
    JsonObject list();

    /** The rollup report of a campaign: JSON, or Markdown text under "markdown". */
    JsonObject report(String id);

    /** Stores a schedule for a definition (the parsed file, agents from --agent included). */
    JsonObject addSchedule(JsonObject definition, String cron);

    JsonObject schedules();

    /** The stored log of a campaign (seq null: its own lines) or of its run #seq's latest attempt. */
    List<String> log(String campaignId, Integer seq);

    /** Where run #seq's latest attempt logged, from the campaign's runs ({seq, attempts}). */
    static String runLogSource(String campaignId, List<JsonObject> runs, int seq) {
        JsonObject run = runs.stream().filter(r -> r.getInteger("seq") == seq).findFirst()
                .orElseThrow(() -> new CliException("campaign " + campaignId + " has no run #" + seq + " (it has "
                        + runs.size() + ")"));
        int attempts = run.getInteger("attempts", 0);
        if (attempts == 0) {
            throw new CliException("run #" + seq + " of campaign " + campaignId + " has not run (" + run.getString("status")
                    + (run.getString("reason") != null ? ": " + run.getString("reason") : "") + ")");
        }
        return RunRepository.logSource(campaignId, seq, attempts);
    }

    boolean removeSchedule(String id);

    @Override
    void close();
}
