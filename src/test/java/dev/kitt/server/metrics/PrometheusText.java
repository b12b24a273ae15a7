package dev.kitt.server.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): HELP and TYPE comments,
 * samples with escaped label values, float values including NaN and ±Inf, optional timestamps.
 * Anything else is an error naming the line, so a malformed scrape fails the test.
 */
public final class PrometheusText {
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";

    /** A series as name{label="value",...} with labels sorted, mapped to its value. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new HashMap<>();

    public static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.line(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return out;
    }

    private void line(String line) {
        if (line.startsWith("#")) {
            String[] p = line.split(" ", 4);
            if (p.length >= 3 && p[1].equals("TYPE")) {
                require(p[2].matches(NAME) && p.length == 4 && TYPES.contains(p[3]), "bad TYPE");
                require(types.put(p[2], p[3]) == null, "second TYPE for " + p[2]);
            } else if (p.length >= 3 && p[1].equals("HELP")) {
                require(p[2].matches(NAME), "bad HELP name");
            }
            return;
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(name.matches(NAME), "bad metric name '" + name + "'");
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        require(i < line.length() && line.charAt(i) == ' ', "expected a space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "expected value [timestamp]");
        double value = value(rest[0]);
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        String key = key(name, labels);
        require(samples.put(key, value) == null, "duplicate series " + key);
    }

    private static int labels(String line, int i, Map<String, String> labels) {
        while (true) {
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int eq = line.indexOf('=', i);
            require(eq > i, "expected label=");
            String label = line.substring(i, eq);
            require(label.matches("[a-zA-Z_][a-zA-Z0-9_]*"), "bad label name '" + label + "'");
            require(line.charAt(eq + 1) == '"', "label value must be quoted");
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char e = line.charAt(++j);
                    require(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e);
                    v.append(e == 'n' ? '\n' : e);
                } else {
                    v.append(c);
                }
            }
            require(labels.put(label, v.toString()) == null, "label twice: " + label);
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
    }

    private static double value(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    static String key(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('{');
        new TreeMap<>(labels).forEach((k, v) -> sb.append(k).append("=\"").append(v).append("\","));
        sb.setLength(sb.length() - 1);
        return sb.append('}').toString();
    }

    /** The value of a series, or null when absent. Labels given as alternating name, value. */
    /** Every metric name with at least one sample (a histogram's as name_bucket, _count, _sum). */
    public Set<String> names() {
        Set<String> out = new java.util.TreeSet<>();
        for (String key : samples.keySet()) {
            int brace = key.indexOf('{');
            out.add(brace < 0 ? key : key.substring(0, brace));
        }
        return out;
    }

    public Double value(String name, String... labels) {
        Map<String, String> l = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            l.put(labels[i], labels[i + 1]);
        }
        return samples.get(key(name, l));
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
