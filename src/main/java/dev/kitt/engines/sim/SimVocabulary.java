package dev.kitt.engines.sim;

import java.util.SplittableRandom;

/**
 * Token text for the sim. Plain lowercase words (and a few answer letters) so that output never
 * needs JSON escaping and the writer can splice it into pre-built chunk templates.
 */
final class SimVocabulary {
    private static final String[] WORDS = {
        " the", " model", " answer", " is", " a", " fast", " engine", " token", " of", " and",
        " to", " in", " that", " it", " with", " as", " for", " on", " was", " by", " this", " be",
        " A", " B", " C", " D", " 4", " 7", " 12", " yes", " no", " because", " therefore", "."
    };
    private final SplittableRandom random;

    SimVocabulary(SplittableRandom random) {
        this.random = random;
    }

    String next() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Prompt length in tokens: the sim counts whitespace-separated words. */
    static int countTokens(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean ws = Character.isWhitespace(text.charAt(i));
            if (!ws && !inWord) {
                n++;
            }
            inWord = !ws;
        }
        return n;
    }
}
