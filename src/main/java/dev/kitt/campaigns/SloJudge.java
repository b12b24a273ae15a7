package dev.kitt.campaigns;

import dev.kitt.campaigns.slo.Slos;
import dev.kitt.results.ResultRepository;
import io.vertx.core.Future;

/**
 * Checks a succeeded run's stored result against its campaign's SLOs. The caller records the
 * verdict with the run's outcome, in the same update. A result that cannot be read is an SLO
 * failure saying so, never a pass.
 */
final class SloJudge {
    private final ResultRepository results;

    SloJudge(ResultRepository results) {
        this.results = results;
    }

    /** The verdict, or null when the campaign has no SLOs. */
    Future<Slos.Verdict> judge(Slos slos, String resultId) {
        if (slos.isEmpty() || resultId == null) {
            return Future.succeededFuture();
        }
        return results.get(resultId)
                .map(stored -> stored == null ? new Slos.Verdict(false, "result " + resultId + " is not in the store")
                        : slos.check(stored.getJsonObject("document")))
                .recover(err -> Future.succeededFuture(new Slos.Verdict(false, "result unreadable: " + err.getMessage())));
    }
}
