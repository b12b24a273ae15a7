package dev.kitt.ci.report;

import java.util.ArrayList;
import java.util.List;

/** Builds a GitHub-flavoured Markdown table; cells are escaped so a '|' in a name cannot break it. */
final class MarkdownTable {
    private final List<String> header;
    private final List<String> alignment;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param columns names, a trailing ":" marks a right-aligned (numeric) column */
    MarkdownTable(String... columns) {
        header = new ArrayList<>();
        alignment = new ArrayList<>();
        for (String c : columns) {
            boolean right = c.endsWith(":");
            header.add(right ? c.substring(0, c.length() - 1) : c);
            alignment.add(right ? "---:" : "---");
        }
    }

    MarkdownTable row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder out) {
        line(out, header);
        line(out, alignment);
        rows.forEach(r -> line(out, r.stream().map(MarkdownTable::escape).toList()));
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}
