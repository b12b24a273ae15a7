package dev.kitt.engines.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Token timings of the requests the sim served, by request id, up to a fixed capacity. */
public final class SimTruth {
    private final Map<String, TokenTrace> traces = new ConcurrentHashMap<>();
    private final int capacity;
    private final AtomicInteger size = new AtomicInteger();

    SimTruth(int capacity) {
        this.capacity = capacity;
    }

    /** A new trace, or null once the capacity is used up (recording must not grow without bound). */
    TokenTrace open(String id, long arrivalNanos, boolean streamed) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return null;
        }
        TokenTrace t = new TokenTrace(id, arrivalNanos, streamed);
        traces.put(id, t);
        return t;
    }

    public Optional<TokenTrace> get(String requestId) {
        return Optional.ofNullable(traces.get(requestId));
    }

    public int size() {
        return traces.size();
    }

    public void clear() {
        traces.clear();
        size.set(0);
    }

    /** JSON for /sim/truth; with {@code tokens} false only arrival and first-token times. */
    public JsonObject toJson(boolean tokens) {
        JsonObject all = new JsonObject();
        traces.forEach((id, t) -> {
            JsonObject o = new JsonObject().put("arrival_ns", t.arrivalNanos())
                    .put("first_token_ns", t.firstTokenNanos()).put("tokens", t.tokenCount())
                    .put("streamed", t.streamed());
            if (tokens) {
                JsonArray arr = new JsonArray();
                for (long n : t.tokenNanos()) {
                    arr.add(n);
                }
                o.put("token_ns", arr);
            }
            all.put(id, o);
        });
        return new JsonObject().put("clock", "System.nanoTime (CLOCK_MONOTONIC)").put("requests", all);
    }
}
