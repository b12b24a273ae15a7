package dev.kitt.campaigns.slo;

import dev.kitt.campaigns.spec.SpecException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A campaign's {@code slos:} mapping: {@code max_<metric>: N} (the metric may not exceed N) and
 * {@code min_<metric>: N} (may not fall below N), metric names as in metrics.json, e.g.
 * {@code max_ttft_ms_p99: 500}, {@code min_output_tokens_per_s: 40}, {@code max_error_rate: 0}.
 * A bound holds when every benchmark of the run that reports the metric is within it; a metric
 * no benchmark reported breaks the objective, since nothing shows it was met.
 */
public record Slos(List<Bound> bounds) {
    private static final Pattern KEY = Pattern.compile("(max|min)_([a-z0-9_]+)");

    public record Bound(String key, boolean max, String metric, double limit) {
    }

    public record Verdict(boolean passed, String reason) {
        public String status() {
            return passed ? "passed" : "failed";
        }
    }

    public static Slos none() {
        return new Slos(List.of());
    }

    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    /** Parses and validates; messages name the key. */
    public static Slos parse(JsonObject slos) {
        if (slos == null) {
            return none();
        }
        List<Bound> out = new ArrayList<>();
        for (String key : slos.fieldNames().stream().sorted().toList()) {
            var m = KEY.matcher(key);
            if (!m.matches()) {
                throw new SpecException("slos." + key + " is not an objective: use max_<metric> or min_<metric>, "
                        + "e.g. max_ttft_ms_p99: 500 or min_output_tokens_per_s: 40");
            }
            if (!(slos.getValue(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new SpecException("slos." + key + " must be a number");
            }
            out.add(new Bound(key, "max".equals(m.group(1)), m.group(2), ((Number) slos.getValue(key)).doubleValue()));
        }
        return new Slos(List.copyOf(out));
    }

    /** Checks a metrics.json document; the reason lists every broken objective, or says all held. */
    public Verdict check(JsonObject document) {
        JsonArray results = document.getJsonArray("results", new JsonArray());
        List<String> broken = new ArrayList<>();
        for (Bound b : bounds) {
            Double worst = null;
            String where = null;
            for (Object o : results) {
                JsonObject r = o instanceof JsonObject j ? j : new JsonObject();
                Object v = r.getJsonObject("metrics", new JsonObject()).getValue(b.metric());
                if (v instanceof Number n && (worst == null || (b.max() ? n.doubleValue() > worst : n.doubleValue() < worst))) {
                    worst = n.doubleValue();
                    where = r.getString("test_name");
                }
            }
            if (worst == null) {
                broken.add(b.metric() + " not measured by any benchmark");
            } else if (b.max() ? worst > b.limit() : worst < b.limit()) {
                broken.add(b.metric() + " " + fmt(worst) + (b.max() ? " > max " : " < min ") + fmt(b.limit())
                        + " (" + where + ")");
            }
        }
        return broken.isEmpty() ? new Verdict(true, "all " + bounds.size() + " objective(s) met")
                : new Verdict(false, String.join("; ", broken));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format("%.3g", d);
    }
}
