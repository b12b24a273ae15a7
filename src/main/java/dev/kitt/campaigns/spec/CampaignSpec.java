package dev.kitt.campaigns.spec;

import dev.kitt.campaigns.slo.Slos;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A campaign definition. {@code raw} is the document as given (original keys kept, so a file
 * read from YAML and stored as JSON still says everything it said); the typed fields are what
 * planning and execution use. KITT's additions are optional: agents, profiles, schedule, slos,
 * timeout_minutes or timeout_seconds.
 */
public record CampaignSpec(String name, String description, List<ModelSpec> models, List<EngineSpec> engines,
                           List<String> agents, List<String> profiles, String schedule, int timeoutMinutes,
                           JsonObject raw) {
    public static final int DEFAULT_TIMEOUT_MINUTES = 30;

    public static CampaignSpec fromYaml(String text) {
        if (text == null || text.isBlank()) {
            throw new SpecException("campaign file is empty");
        }
        return fromJson(Yaml.parse(text));
    }

    public static CampaignSpec fromJson(JsonObject doc) {
        String name = Yaml.requiredString(doc, "campaign_name", "campaign");
        Object description = doc.getValue("description");
        List<ModelSpec> models = new ArrayList<>();
        JsonArray m = list(doc, "models", true);
        for (int i = 0; i < m.size(); i++) {
            models.add(ModelSpec.from(entry(m, i, "models"), "models[" + i + "]"));
        }
        List<EngineSpec> engines = new ArrayList<>();
        JsonArray e = list(doc, "engines", true);
        for (int i = 0; i < e.size(); i++) {
            engines.add(EngineSpec.from(entry(e, i, "engines"), "engines[" + i + "]"));
        }
        for (String key : new String[]{"disk", "notifications", "quant_filter", "slos"}) {
            if (doc.getValue(key) != null && !(doc.getValue(key) instanceof JsonObject)) {
                throw SpecException.at(key, key + " must be a mapping");
            }
        }
        for (String key : new String[]{"parallel", "devon_managed"}) {
            if (doc.getValue(key) != null && !(doc.getValue(key) instanceof Boolean)) {
                throw SpecException.at(key, key + " must be true or false");
            }
        }
        Slos.parse(doc.getJsonObject("slos"));
        QuantFilter.parse(doc.getJsonObject("quant_filter"));
        Object schedule = doc.getValue("schedule");
        if (schedule != null && (!(schedule instanceof String s) || s.isBlank())) {
            throw SpecException.at("schedule", "schedule must be a cron expression such as \"0 2 * * *\"");
        }
        Object timeout = doc.getValue("timeout_minutes", DEFAULT_TIMEOUT_MINUTES);
        if (!(timeout instanceof Integer t) || t < 1 || t > 24 * 60) {
            throw SpecException.at("timeout_minutes", "timeout_minutes must be a whole number of minutes between 1 and 1440");
        }
        Object seconds = doc.getValue("timeout_seconds");
        if (seconds != null && doc.getValue("timeout_minutes") != null) {
            throw SpecException.at("timeout_seconds", "give timeout_minutes or timeout_seconds, not both");
        }
        if (seconds != null && (!(seconds instanceof Integer sec) || sec < 1 || sec > 24 * 3600)) {
            throw SpecException.at("timeout_seconds", "timeout_seconds must be a whole number of seconds between 1 and 86400");
        }
        return new CampaignSpec(name, description == null ? null : String.valueOf(description), models, engines,
                strings(doc, "agents"), strings(doc, "profiles"), (String) schedule, (Integer) timeout, doc.copy());
    }

    /** The per-test timeout: timeout_seconds when given, else timeout_minutes (default 30 minutes). */
    public long timeoutMs() {
        Integer seconds = raw.getInteger("timeout_seconds");
        return seconds != null ? seconds * 1000L : timeoutMinutes * 60_000L;
    }

    /** A timeout as a person would say it: whole minutes as minutes, anything else in seconds. */
    public static String describeTimeout(long ms) {
        long n = ms % 60_000 == 0 ? ms / 60_000 : Math.max(1, ms / 1000);
        return n + (ms % 60_000 == 0 ? " minute" : " second") + (n == 1 ? "" : "s");
    }

    /** The original layout's quant_filter: weights whose name matches a skip pattern are not run. */
    public QuantFilter quantFilter() {
        return QuantFilter.parse(raw.getJsonObject("quant_filter"));
    }

    /** {@code parallel: false} (original layout): one run at a time across all the campaign's agents. */
    public boolean parallel() {
        return raw.getBoolean("parallel", true);
    }

    /**
     * Original-layout keys that are kept in the stored definition but change nothing here (see
     * docs/campaigns.md for why), as given in this file; campaign run names them so it is not silent.
     */
    public List<String> keptWithoutEffect() {
        return java.util.stream.Stream.of("disk", "notifications", "devon_managed").filter(raw::containsKey).toList();
    }

    /** The objectives each succeeded run is checked against (none when the file has no slos). */
    public Slos slos() {
        return Slos.parse(raw.getJsonObject("slos"));
    }

    /** The definition as it runs on this machine: no agents, neither the campaign's nor any engine's. */
    public CampaignSpec onThisMachine() {
        JsonObject copy = raw.copy();
        copy.remove("agents");
        if (copy.getValue("engines") instanceof JsonArray engines) {
            engines.forEach(e -> {
                if (e instanceof JsonObject o) {
                    o.remove("agents");
                }
            });
        }
        return fromJson(copy);
    }

    /** The same definition with agents replaced (the CLI's --agent adds them to an unchanged file). */
    public CampaignSpec withAgents(List<String> newAgents) {
        JsonObject copy = raw.copy().put("agents", new JsonArray(new ArrayList<>(newAgents)));
        return fromJson(copy);
    }

    private static JsonArray list(JsonObject doc, String key, boolean required) {
        Object v = doc.getValue(key);
        if (v == null && !required) {
            return new JsonArray();
        }
        if (!(v instanceof JsonArray arr)) {
            throw SpecException.at(key, key + " is required and must be a list");
        }
        return arr;
    }

    private static JsonObject entry(JsonArray arr, int i, String key) {
        if (!(arr.getValue(i) instanceof JsonObject o)) {
            throw SpecException.at(key + "[" + i + "]", key + "[" + i + "] must be a mapping with a name");
        }
        return o;
    }

    private static List<String> strings(JsonObject doc, String key) {
        JsonArray arr = list(doc, key, false);
        List<String> out = new ArrayList<>();
        for (Object o : arr) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw SpecException.at(key, key + " must be a list of names");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
