package dev.kitt.bench.load;

import dev.kitt.util.YamlDocs;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prompts for load runs: the built-in set, a file (one prompt per line, or JSONL with "prompt"),
 * or synthetic prompts of a target length in tokens (one word is one token for the sim).
 * Built by {@link #fromConfig} before the run, so file reads happen off the event loop.
 */
@FunctionalInterface
public interface PromptSource {
    String prompt(long index);

    static PromptSource fromConfig(JsonObject config) {
        String kind = config.getString("prompts", "builtin");
        if (kind.equals("synthetic") || config.containsKey("input_tokens")) {
            return synthetic(config.getInteger("input_tokens", 128), config.getLong("seed", 42L));
        }
        if (kind.equals("builtin")) {
            return cycling(resourceLines("prompts/builtin.txt"));
        }
        return cycling(fileLines(Path.of(kind)));
    }

    static PromptSource cycling(List<String> prompts) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to send");
        }
        return i -> prompts.get((int) (i % prompts.size()));
    }

    /** Deterministic per index, so a sweep point sends the same prompts whatever ran before it. */
    static PromptSource synthetic(int tokens, long seed) {
        String[] words = {"alpha", "beta", "gamma", "delta", "model", "token", "engine", "latency", "river",
            "stone", "cloud", "signal", "vector", "matrix", "kernel", "batch"};
        return i -> {
            SplittableRandom r = new SplittableRandom(seed * 31 + i);
            StringBuilder sb = new StringBuilder(tokens * 7);
            for (int k = 0; k < tokens; k++) {
                sb.append(k == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
            }
            return sb.toString();
        };
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = YamlDocs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fileLines(Path file) {
        try {
            return lines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read prompts file " + file + ": " + e.getMessage());
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.startsWith("{") ? new JsonObject(l).getString("prompt", "") : l).toList();
    }
}
