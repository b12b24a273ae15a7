package dev.kitt.server.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a Grafana dashboard's PromQL queries reference: every panel target's
 * {@code expr} and every template variable's query. Enough of PromQL to tell a metric name from
 * a function, an aggregation's grouping labels, label matchers, ranges and template variables.
 */
public final class DashboardQueries {
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private DashboardQueries() {
    }

    public static Set<String> metricNames(Path dashboard) throws IOException {
        List<String> queries = new ArrayList<>();
        collect(new JsonObject(Files.readString(dashboard)), queries);
        Set<String> names = new TreeSet<>();
        for (String q : queries) {
            names.addAll(metricNames(q));
        }
        return names;
    }

    /** Panel targets ("expr") and template variables ("query", a string or {query: ...}) anywhere in the JSON. */
    private static void collect(Object node, List<String> out) {
        if (node instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                Object v = o.getValue(key);
                if (("expr".equals(key) || "query".equals(key)) && v instanceof String s && !s.isBlank()) {
                    out.add(s);
                } else {
                    collect(v, out);
                }
            }
        } else if (node instanceof JsonArray a) {
            a.forEach(v -> collect(v, out));
        }
    }

    static Set<String> metricNames(String promql) {
        String q = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")   // string literals
                // label_values(metric, label): the metric only; label_values(label): none.
                .replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?\\s*,[^)]*\\)", "$1")
                .replaceAll("label_values\\([^)]*\\)", "")
                .replaceAll("\\{[^}]*\\}", "")                                   // label matchers
                .replaceAll("\\[[^\\]]*\\]", "")                                 // ranges, subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> out = new TreeSet<>();
        Matcher m = IDENT.matcher(q);
        while (m.find()) {
            String name = m.group();
            boolean variable = m.start() > 0 && q.charAt(m.start() - 1) == '$';
            boolean function = q.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(q.charAt(m.start() - 1));
            if (!variable && !function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                out.add(name);
            }
        }
        return out;
    }
}
