package dev.kitt.store;

/**
 * The two SQL dialects KITT speaks. Queries are written once with JDBC-style {@code ?}
 * placeholders; PostgreSQL's client wants {@code $1, $2, ...}, so {@link #sql} rewrites them.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRES("postgresql");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    /** "sqlite" or "postgresql", as shown by /api/v1/health and used for migration folders. */
    public String label() {
        return label;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + label;
    }

    public String sql(String query) {
        if (this == SQLITE) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length() + 8);
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            if (c == '?' && !inString) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
