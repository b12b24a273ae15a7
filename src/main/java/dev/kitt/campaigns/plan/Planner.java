package dev.kitt.campaigns.plan;

import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.EngineSpec;
import dev.kitt.campaigns.spec.ModelSpec;
import dev.kitt.campaigns.spec.QuantFilter;
import dev.kitt.campaigns.spec.SpecException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands models × engines (× profile) into planned runs. A pair that cannot run is kept as a
 * skipped run with its reason (no weights in a format the engine takes; weights the file's
 * quant_filter skips; no agent with a CPU the engine runs on), so the report lists it. Unknown engines and suites are errors, not skips.
 */
public final class Planner {
    private final EngineCatalog catalog;

    public Planner(EngineCatalog catalog) {
        this.catalog = catalog;
    }

    public Plan plan(CampaignSpec spec, List<AgentInfo> agents) {
        for (int i = 0; i < spec.engines().size(); i++) {
            EngineSpec e = spec.engines().get(i);
            if (!catalog.knows(e.name())) {
                throw new SpecException("unknown_engine", "unknown engine '" + e.name() + "' (known: "
                        + String.join(", ", catalog.engines()) + ")", "engines[" + i + "].name");
            }
            if (!Suites.knownSuite(e.suite())) {
                throw new SpecException("unknown_suite", "unknown suite '" + e.suite() + "' for engine " + e.name()
                        + " (known: " + String.join(", ", Suites.SUITES) + ")", "engines[" + i + "].suite");
            }
        }
        for (int i = 0; i < spec.engines().size(); i++) {
            for (String a : spec.engines().get(i).agents()) {
                if (agents.stream().noneMatch(x -> x.id().equals(a))) {
                    throw new SpecException("unknown_agent", "engines[" + i + "].agents names agent '" + a
                            + "', which is not one of the campaign's agents");
                }
            }
        }
        List<String> profiles = spec.profiles().isEmpty() ? Arrays.asList((String) null) : spec.profiles();
        List<PlannedRun> runs = new ArrayList<>();
        for (ModelSpec m : spec.models()) {
            for (EngineSpec e : spec.engines()) {
                // An engine entry's own profile (config.profile) replaces the campaign-wide list for it.
                List<String> own = e.config().getValue("profile") instanceof String p && !p.isBlank()
                        ? List.of(p) : profiles;
                for (String profile : own) {
                    runs.add(cell(runs.size() + 1, m, e, profile, agents, spec.quantFilter()));
                }
            }
        }
        return new Plan(spec.name(), List.copyOf(runs));
    }

    private PlannedRun cell(int seq, ModelSpec m, EngineSpec e, String profile, List<AgentInfo> agents,
                            QuantFilter quantFilter) {
        List<String> accepted = accepted(e);
        String format = null;
        for (String f : accepted) {
            if (EngineCatalog.ANY_FORMAT.equals(f)) {
                format = m.refsByFormat().isEmpty() ? "name" : m.refsByFormat().keySet().iterator().next();
                break;
            }
            if (m.refsByFormat().containsKey(f)) {
                format = f;
                break;
            }
        }
        String ref = format == null ? null : m.refsByFormat().getOrDefault(format, m.name());
        List<String> eligible = new ArrayList<>();
        Set<String> archs = catalog.archs(e.name());
        Set<String> seen = new LinkedHashSet<>();
        for (AgentInfo a : agents) {
            if (!e.agents().isEmpty() && !e.agents().contains(a.id())) {
                continue;
            }
            seen.add(String.valueOf(a.arch()));
            if (archs.isEmpty() || a.arch() == null || archs.contains(a.arch())) {
                eligible.add(a.id());
            }
        }
        String reason = null;
        if (format == null) {
            reason = "model " + m.name() + " has no weights in a format " + e.name() + " takes ("
                    + String.join(", ", accepted) + "); it has " + (m.refsByFormat().isEmpty() ? "none"
                    : String.join(", ", m.refsByFormat().keySet()));
        } else if (quantFilter.skips(ref).isPresent()) {
            reason = "quant_filter skips " + ref + " (matches \"" + quantFilter.skips(ref).get() + "\")";
        } else if (eligible.isEmpty() && !agents.isEmpty()) {
            reason = e.name() + " needs a " + String.join(" or ", archs) + " CPU; the agents have "
                    + String.join(", ", seen);
        }
        return new PlannedRun(seq, m.name(), ref, format, e.name(), e.suite(), profile, e.mode(),
                reason == null ? List.copyOf(eligible) : List.of(), reason);
    }

    /**
     * The formats this engine entry will load, in preference order: the file's {@code formats}
     * (restricted to what the engine can do) or, when absent, all the engine can do. An engine
     * that pulls by tag (Ollama) always accepts its tag, since the original files list only
     * [gguf] for it.
     */
    private List<String> accepted(EngineSpec e) {
        List<String> can = catalog.formatsFor(e.name());
        if (e.formats().isEmpty() || can.contains(EngineCatalog.ANY_FORMAT)) {
            return can;
        }
        List<String> out = new ArrayList<>();
        if (can.contains("ollama")) {
            out.add("ollama");
        }
        e.formats().stream().filter(can::contains).filter(f -> !out.contains(f)).forEach(out::add);
        return out;
    }
}
