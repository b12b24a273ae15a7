package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.slo.Slos;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.EngineSpec;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Dispatches a running campaign's planned runs: one test at a time per agent, agents in
 * parallel. All state lives in campaign_runs; the maps here are only what this node is waiting
 * for, rebuilt from the table by {@link Reconciler} after a restart. Runs on the verticle's
 * event loop, so the maps need no locks.
 */
final class CampaignExecutor {
    record InFlight(String campaignId, int seq, String agentId) {
    }

    private final Vertx vertx;
    private final CampaignRepository campaigns;
    private final RunRepository runs;
    private final CampaignLog log;
    private final Clock clock;
    private final SloJudge slos;
    final Map<String, CampaignSpec> active = new HashMap<>();
    final Set<String> busyAgents = new HashSet<>();
    final Map<String, InFlight> byCommand = new HashMap<>();
    // parallel: false campaigns whose next run an agent is claiming right now (one claim at a time),
    // and those a pump skipped meanwhile: the claim's end pumps them again, so no finish is missed.
    private final Set<String> serialClaims = new HashSet<>();
    private final Set<String> serialRepump = new HashSet<>();
    // Work on one run is serialised so a fast command update never overtakes the write of its id.
    private final Map<String, Future<?>> lanes = new HashMap<>();

    CampaignExecutor(Vertx vertx, CampaignRepository campaigns, RunRepository runs, CampaignLog log, Clock clock,
                     SloJudge slos) {
        this.vertx = vertx;
        this.slos = slos;
        this.campaigns = campaigns;
        this.runs = runs;
        this.log = log;
        this.clock = clock;
    }

    CampaignLog log() {
        return log;
    }

    Future<Void> activate(String campaignId) {
        return campaigns.get(campaignId).map(c -> {
            if (c != null) {
                active.put(campaignId, CampaignSpec.fromJson(c.getJsonObject("definition")));
            }
            return null;
        });
    }

    /** Gives every free agent of the campaign its next pending run, then checks for the end. */
    Future<Void> pump(String campaignId) {
        CampaignSpec spec = active.get(campaignId);
        if (spec == null) {
            return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (String agent : spec.agents()) {
            chain = chain.compose(v -> dispatchNext(campaignId, spec, agent));
        }
        return chain.compose(v -> finishIfDone(campaignId));
    }

    Future<Void> pumpAll() {
        Future<Void> chain = Future.succeededFuture();
        for (String id : List.copyOf(active.keySet())) {
            chain = chain.compose(v -> pump(id));
        }
        return chain;
    }

    private Future<Void> dispatchNext(String campaignId, CampaignSpec spec, String agent) {
        if (busyAgents.contains(agent) || !active.containsKey(campaignId)) {
            return Future.succeededFuture();
        }
        if (spec.parallel()) {
            return claimNext(campaignId, spec, agent);
        }
        // parallel: false: only when none of the campaign's runs is claimed or running anywhere (the
        // table says so, also after a restart), and one agent claims at a time.
        if (!serialClaims.add(campaignId)) {
            serialRepump.add(campaignId);
            return Future.succeededFuture();
        }
        return runs.active(campaignId).compose(running -> running.isEmpty() ? claimNext(campaignId, spec, agent)
                : Future.<Void>succeededFuture()).eventually(() -> {
                    serialClaims.remove(campaignId);
                    if (serialRepump.remove(campaignId)) {
                        vertx.runOnContext(v -> pump(campaignId));
                    }
                    return Future.succeededFuture();
                });
    }

    private Future<Void> claimNext(String campaignId, CampaignSpec spec, String agent) {
        busyAgents.add(agent);
        long now = clock.millis();
        return runs.pending(campaignId).compose(pending -> {
            JsonObject run = pending.stream().filter(r -> r.getJsonArray("agents").contains(agent))
                    .findFirst().orElse(null);
            if (run == null) {
                busyAgents.remove(agent);
                return Future.succeededFuture();
            }
            int seq = run.getInteger("seq");
            long deadline = now + spec.timeoutMs();
            String commandId = UUID.randomUUID().toString();
            return runs.claim(campaignId, seq, agent, commandId, now, deadline).compose(claimed -> {
                if (!claimed) {
                    // Another agent's pump claimed this run between our read and our claim: this
                    // agent is still free, so it looks again instead of idling until the next finish.
                    busyAgents.remove(agent);
                    return dispatchNext(campaignId, spec, agent);
                }
                submit(campaignId, run, agent, spec, commandId);
                return Future.<Void>succeededFuture();
            });
        }).onFailure(err -> busyAgents.remove(agent)).mapEmpty();
    }

    private void submit(String campaignId, JsonObject run, String agent, CampaignSpec spec, String chosenId) {
        int seq = run.getInteger("seq");
        JsonObject payload = new JsonObject().put("model", run.getString("model_ref"))
                .put("model_name", run.getString("model")).put("format", run.getString("format"))
                .put("engine", run.getString("engine")).put("suite", run.getString("suite"))
                .put("profile", run.getString("profile")).put("mode", run.getString("mode"))
                .put("sourceId", sourceId(campaignId, seq, run.getInteger("attempts", 0) + 1)).put("campaignId", campaignId)
                .put("timeout_s", Math.max(1, spec.timeoutMs() / 1000)).put("endpoint", endpoint(spec, run));
        JsonObject body = new JsonObject().put("agentId", agent).put("type", "run_test").put("payload", payload)
                .put("commandId", chosenId);
        byCommand.put(chosenId, new InFlight(campaignId, seq, agent));
        String what = "#" + seq + " " + run.getString("model") + " × " + run.getString("engine");
        vertx.eventBus().<JsonObject>request(Addresses.COMMANDS_SUBMIT, body, new DeliveryOptions().setSendTimeout(30_000))
                .onSuccess(reply -> {
                    String commandId = reply.body().getString("commandId");
                    byCommand.put(commandId, new InFlight(campaignId, seq, agent));
                    lane(campaignId, seq, () -> runs.dispatched(campaignId, seq, commandId, clock.millis()));
                    log.line(campaignId, what + " dispatched to agent " + agent + " as command " + commandId);
                })
                .onFailure(err -> lane(campaignId, seq, () -> finish(new InFlight(campaignId, seq, agent), "failed",
                        null, "dispatch refused: " + err.getMessage())));
    }

    /** The URL of the already-running engine for an endpoint-mode run (from its engine entry), else null. */
    private static String endpoint(CampaignSpec spec, JsonObject run) {
        return spec.engines().stream().filter(e -> e.name().equals(run.getString("engine"))
                        && Objects.equals(e.mode(), run.getString("mode")) && e.endpoint() != null)
                .map(EngineSpec::endpoint).findFirst().orElse(null);
    }

    /**
     * Where a run's log lines go. A resumed run's new attempt logs apart from the first: its lines
     * are numbered from 1 again, and would otherwise be taken for lines already stored.
     */
    static String sourceId(String campaignId, int seq, int attempt) {
        return RunRepository.logSource(campaignId, seq, attempt);
    }

    /** Applies a {@code kitt.commands.update} (or a reconciled command state) to its run. */
    Future<Void> onUpdate(JsonObject update) {
        String commandId = update.getString("commandId");
        InFlight f = commandId == null ? null : byCommand.get(commandId);
        Future<InFlight> found = f != null ? Future.succeededFuture(f) : commandId == null ? Future.succeededFuture()
                : runs.byCommand(commandId).map(r -> r == null ? null
                        : new InFlight(r.getString("campaign_id"), r.getInteger("seq"), r.getString("agent_id")));
        return found.compose(in -> in == null ? Future.succeededFuture()
                : lane(in.campaignId(), in.seq(), () -> apply(in, update)));
    }

    private Future<Void> apply(InFlight in, JsonObject update) {
        String state = String.valueOf(update.getString("state"));
        return switch (state) {
            case "acked", "running" -> runs.running(in.campaignId(), in.seq(), clock.millis()).mapEmpty();
            case "succeeded" -> finish(in, "succeeded", update.getString("resultId"), null).mapEmpty();
            case "failed" -> finish(in, "failed", null, update.getString("error", "failed on the agent")).mapEmpty();
            case "timed_out" -> finish(in, "failed", null, "the command timed out: " + update.getString("error", ""))
                    .mapEmpty();
            case "cancelled" -> finish(in, "cancelled", null, update.getString("error", "cancelled on the agent"))
                    .mapEmpty();
            default -> Future.succeededFuture();
        };
    }

    /**
     * Records an outcome once; a run that had already finished keeps its first outcome. A success
     * is judged against the campaign's SLOs first and the verdict written by the same update that
     * marks it succeeded, so the campaign cannot be seen complete (nor its rollup read) without it.
     */
    Future<Boolean> finish(InFlight in, String status, String resultId, String error) {
        CampaignSpec spec = active.get(in.campaignId());
        Future<Slos.Verdict> verdict = "succeeded".equals(status) && spec != null
                ? slos.judge(spec.slos(), resultId).recover(err -> Future.succeededFuture())
                : Future.succeededFuture();
        return verdict.compose(v -> runs.finish(in.campaignId(), in.seq(), status, resultId, error,
                v == null ? null : v.status(), v == null ? null : v.reason(), clock.millis()).map(changed -> {
                    if (changed) {
                        recorded(in, status, resultId, error, v);
                    }
                    return changed;
                }));
    }

    private void recorded(InFlight in, String status, String resultId, String error, Slos.Verdict slo) {
        byCommand.values().remove(in);
        busyAgents.remove(in.agentId());
        log.line(in.campaignId(), "#" + in.seq() + " " + status + (resultId != null ? " (result " + resultId + ")" : "")
                + (error != null ? ": " + error : "") + (slo != null ? "; SLOs " + slo.status() + ": " + slo.reason() : ""));
        // Let every campaign that shares this agent have it, not just this one.
        vertx.runOnContext(v -> pumpAll());
    }

    Future<Void> finishIfDone(String campaignId) {
        return runs.counts(campaignId).compose(counts -> {
            long open = counts.getOrDefault("pending", 0L) + RunRepository.ACTIVE.stream()
                    .mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
            if (open > 0 || !active.containsKey(campaignId)) {
                return Future.succeededFuture();
            }
            long failed = counts.getOrDefault("failed", 0L) + counts.getOrDefault("cancelled", 0L);
            String status = failed > 0 ? "failed" : "completed";
            return campaigns.transition(campaignId, List.of("running"), status, clock.millis()).map(changed -> {
                if (changed) {
                    active.remove(campaignId);
                    String summary = counts.getOrDefault("succeeded", 0L) + " succeeded, " + failed + " failed, "
                            + counts.getOrDefault("skipped", 0L) + " skipped";
                    log.line(campaignId, "campaign " + status + ": " + summary);
                    vertx.eventBus().publish(Addresses.EVENTS, new JsonObject().put("type", "campaign.finished")
                            .put("campaignId", campaignId).put("status", status).put("at", clock.millis()));
                }
                return null;
            });
        });
    }

    /** Stops work on a run: asks its agent to cancel the command (if one was sent). */
    void cancelCommand(InFlight in, String commandId) {
        if (commandId != null) {
            vertx.eventBus().request(Addresses.COMMANDS_SUBMIT, new JsonObject().put("agentId", in.agentId())
                    .put("type", "cancel").put("payload", new JsonObject().put("commandId", commandId)));
        }
    }

    Future<Void> lane(String campaignId, int seq, java.util.function.Supplier<Future<?>> work) {
        String key = campaignId + ":" + seq;
        Future<?> prior = lanes.getOrDefault(key, Future.succeededFuture());
        Future<?> next = prior.transform(ar -> work.get());
        lanes.put(key, next);
        next.onComplete(ar -> lanes.remove(key, next));
        return next.mapEmpty();
    }
}
