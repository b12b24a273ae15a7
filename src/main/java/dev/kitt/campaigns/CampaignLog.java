package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.store.CampaignRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * A campaign's own log lines, sent to {@code kitt.logs.append} with the campaign id as source.
 * The next sequence number is stored with the campaign, so lines written after a restart
 * continue the numbering instead of being dropped as duplicates.
 */
final class CampaignLog {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignLog.class);

    private final Vertx vertx;
    private final CampaignRepository campaigns;
    // One chain per campaign keeps the lines in order and the counter consistent.
    private final Map<String, Future<Long>> next = new HashMap<>();

    CampaignLog(Vertx vertx, CampaignRepository campaigns) {
        this.vertx = vertx;
        this.campaigns = campaigns;
    }

    void line(String campaignId, String text) {
        LOG.info("campaign {}: {}", campaignId, text);
        Future<Long> prior = next.computeIfAbsent(campaignId, campaigns::logSeq);
        Future<Long> after = prior.recover(err -> campaigns.logSeq(campaignId)).compose(seq -> {
            JsonObject batch = new JsonObject().put("sourceId", campaignId).put("firstSeq", seq)
                    .put("lines", new JsonArray().add(text));
            vertx.eventBus().send(Addresses.LOGS_APPEND, batch);
            return campaigns.saveLogSeq(campaignId, seq + 1).map(seq + 1);
        });
        next.put(campaignId, after);
    }
}
