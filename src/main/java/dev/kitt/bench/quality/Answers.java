package dev.kitt.bench.quality;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls the answer out of a model's free-text reply. */
final class Answers {
    private static final Pattern LETTER = Pattern.compile("\\b([A-J])\\b");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");

    private Answers() {
    }

    /** The first standalone capital letter among the first {@code choices} letters, or -1. */
    static int letter(String reply, int choices) {
        Matcher m = LETTER.matcher(reply == null ? "" : reply);
        while (m.find()) {
            int idx = m.group(1).charAt(0) - 'A';
            if (idx < choices) {
                return idx;
            }
        }
        return -1;
    }

    /** The last number in the text (GSM8K convention: the final answer comes last), or null. */
    static Double lastNumber(String text) {
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            return null;
        }
        try {
            return Double.parseDouble(last.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String lettered(java.util.List<String> options) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            sb.append((char) ('A' + i)).append(". ").append(options.get(i)).append('\n');
        }
        return sb.toString();
    }
}
