package dev.kitt.campaigns.spec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The original layout's {@code quant_filter: {skip_patterns: ["IQ1_*", ...]}}: quantisations not
 * worth benchmarking. KITT does not list a repository's files, so a pattern is matched against the
 * weights a run would load (its repo, file or Ollama tag): a pattern matches a word of it, such as
 * the {@code IQ2_XS} of {@code org/m-GGUF/m-IQ2_XS.gguf} or of {@code llama3:8b-iq2_xs}, ignoring case.
 */
public record QuantFilter(List<String> skipPatterns, List<Pattern> compiled) {
    public static final QuantFilter NONE = new QuantFilter(List.of(), List.of());

    static QuantFilter parse(JsonObject filter) {
        if (filter == null) {
            return NONE;
        }
        Object patterns = filter.getValue("skip_patterns");
        if (patterns == null) {
            return NONE;
        }
        if (!(patterns instanceof JsonArray arr)) {
            throw SpecException.at("quant_filter.skip_patterns", "quant_filter.skip_patterns must be a list such as [\"IQ1_*\"]");
        }
        List<String> names = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        for (Object o : arr) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw SpecException.at("quant_filter.skip_patterns", "quant_filter.skip_patterns must hold patterns "
                        + "such as \"IQ1_*\"");
            }
            names.add(s);
            compiled.add(compile(s));
        }
        return new QuantFilter(List.copyOf(names), List.copyOf(compiled));
    }

    /** A glob (* and ?) that must start and end at a word boundary: not a letter or digit either side. */
    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder("(^|[^A-Za-z0-9])");
        for (char c : glob.toCharArray()) {
            re.append(switch (c) {
                case '*' -> "[^/]*";
                case '?' -> "[^/]";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.append("([^A-Za-z0-9]|$)").toString(), Pattern.CASE_INSENSITIVE);
    }

    /** The first pattern that matches the weights reference, if any. */
    public Optional<String> skips(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        for (int i = 0; i < compiled.size(); i++) {
            if (compiled.get(i).matcher(ref).find()) {
                return Optional.of(skipPatterns.get(i));
            }
        }
        return Optional.empty();
    }
}
