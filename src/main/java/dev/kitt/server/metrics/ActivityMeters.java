package dev.kitt.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Commands by type and outcome, dispatch latency, log lines in and out, SSE subscribers and runs by outcome. */
final class ActivityMeters {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out");
    private static final Set<String> DISPATCHED = Set.of("sent", "acked", "running");
    private static final int MAX_PENDING = 10_000;

    private final MeterRegistry registry;
    private final LongSupplier clock;
    private final Timer dispatch;
    private final Map<String, Long> queuedAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sse = new ConcurrentHashMap<>();

    ActivityMeters(MeterRegistry registry, LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
        this.dispatch = Timer.builder("kitt.command.dispatch")
                .description("time from a command being queued to its first delivery to the agent")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        logLines("in");
        logLines("out");
        sseGauge("events");
        sseGauge("logs");
    }

    /** {commandId, type, state, createdAt?}: counts final states; times queued → first delivery. */
    void command(JsonObject fact) {
        String id = Facts.text(fact, null, "commandId", "command_id", "id");
        String type = Facts.text(fact, "unknown", "type");
        String state = Facts.text(fact, "unknown", "state", "status").toLowerCase();
        if (id == null) {
            return;
        }
        Object created = fact.getValue("createdAt", fact.getValue("created_at"));
        if ("queued".equals(state)) {
            if (queuedAt.size() < MAX_PENDING) {
                queuedAt.putIfAbsent(id, created instanceof Number n ? n.longValue() : clock.getAsLong());
            }
        } else if (DISPATCHED.contains(state)) {
            Long start = queuedAt.remove(id);
            if (start == null && created instanceof Number n) {
                start = n.longValue();
            }
            if (start != null) {
                dispatch.record(Duration.ofMillis(Math.max(0, clock.getAsLong() - start)));
            }
        }
        if (FINAL.contains(state)) {
            queuedAt.remove(id);
            Counter.builder("kitt.commands").tag("type", type).tag("outcome", state)
                    .description("commands finished, by type and outcome").register(registry).increment();
        }
    }

    void logLines(String direction, int count) {
        if (count > 0) {
            logLines(direction).increment(count);
        }
    }

    private Counter logLines(String direction) {
        return Counter.builder("kitt.log.lines").tag("direction", direction)
                .description("log lines received from agents (in) and published to live subscribers (out)")
                .register(registry);
    }

    /** {stream, delta}: an SSE subscriber came (+1) or went (-1). */
    void sse(JsonObject fact) {
        String stream = Facts.text(fact, "events", "stream");
        Object delta = fact.getValue("delta");
        int d = delta instanceof Number n ? n.intValue() : 0;
        AtomicInteger count = sseGauge(stream);
        count.updateAndGet(c -> Math.max(0, c + d));
    }

    private AtomicInteger sseGauge(String stream) {
        return sse.computeIfAbsent(stream, s -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("kitt.sse.subscribers", n, AtomicInteger::get).tag("stream", s)
                    .description("open server-sent-event connections").register(registry);
            return n;
        });
    }

    /** A run.completed event: {type, outcome? | passed? | status?, data? or body? {same}} (body: as recorded). */
    void runCompleted(JsonObject event) {
        JsonObject data = event.getValue("data") instanceof JsonObject d ? d
                : event.getValue("body") instanceof JsonObject b ? b : event;
        String outcome = Facts.text(data, null, "outcome", "status", "state");
        if (outcome == null) {
            Object passed = data.getValue("passed");
            outcome = passed instanceof Boolean b ? (b ? "passed" : "failed") : "unknown";
        }
        Counter.builder("kitt.runs").tag("outcome", outcome.toLowerCase())
                .description("benchmark runs finished, by outcome").register(registry).increment();
    }
}
