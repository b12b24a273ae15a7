package dev.kitt.campaigns;

import dev.kitt.campaigns.slo.Slos;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.results.ResultRepository;
import io.vertx.core.Future;

import java.time.Clock;

/**
 * Checks a succeeded run's stored result against its campaign's SLOs and records the verdict on
 * the run's row. A result that cannot be read is recorded as an SLO failure saying so, never as a pass.
 */
final class SloJudge {
    private final ResultRepository results;
    private final RunRepository runs;
    private final Clock clock;

    SloJudge(ResultRepository results, RunRepository runs, Clock clock) {
        this.results = results;
        this.runs = runs;
        this.clock = clock;
    }

    /** The verdict, or null when the campaign has no SLOs. */
    Future<Slos.Verdict> judge(Slos slos, String campaignId, int seq, String resultId) {
        if (slos.isEmpty() || resultId == null) {
            return Future.succeededFuture();
        }
        return results.get(resultId)
                .map(stored -> stored == null ? new Slos.Verdict(false, "result " + resultId + " is not in the store")
                        : slos.check(stored.getJsonObject("document")))
                .recover(err -> Future.succeededFuture(new Slos.Verdict(false, "result unreadable: " + err.getMessage())))
                .compose(v -> runs.sloVerdict(campaignId, seq, v.status(), v.reason(), clock.millis()).map(v));
    }
}
