package dev.kitt.results;

import java.util.ArrayList;
import java.util.List;

/** Filters and paging for listing runs; builds its WHERE clause and parameters. */
public record ResultQuery(String model, String engine, String suite, Long since, Long until,
                          Boolean passed, String agentId, int page, int perPage) {
    public static final int MAX_PER_PAGE = 500;

    public static ResultQuery all(int page, int perPage) {
        return new ResultQuery(null, null, null, null, null, null, null, page, perPage);
    }

    /** The filter as SQL conditions on the runs table (aliased by {@code alias}, e.g. "r."), params appended. */
    List<String> conditions(List<Object> params, String alias) {
        List<String> clauses = new ArrayList<>();
        add(clauses, params, alias + "model = ?", model);
        add(clauses, params, alias + "engine = ?", engine);
        add(clauses, params, alias + "suite_name = ?", suite);
        add(clauses, params, alias + "started_at >= ?", since);
        add(clauses, params, alias + "started_at <= ?", until);
        add(clauses, params, alias + "passed = ?", passed == null ? null : (passed ? 1 : 0));
        add(clauses, params, alias + "agent_id = ?", agentId);
        return clauses;
    }

    String where(List<Object> params) {
        List<String> clauses = conditions(params, "");
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static void add(List<String> clauses, List<Object> params, String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.add(value);
        }
    }
}
