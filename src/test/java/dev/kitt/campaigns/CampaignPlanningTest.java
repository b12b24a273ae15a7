package dev.kitt.campaigns;

import dev.kitt.campaigns.plan.AgentInfo;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.plan.PlannedRun;
import dev.kitt.campaigns.plan.Planner;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.spec.SpecException;
import dev.kitt.testing.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Campaign files in the original layout parse unchanged; planning keeps dropped pairs with reasons. */
class CampaignPlanningTest {
    private final Planner planner = new Planner(EngineCatalog.standard());
    private static final AgentInfo X86 = new AgentInfo("x", "x", "x86_64", true);
    private static final AgentInfo ARM = new AgentInfo("a", "a", "arm64", true);

    @Test
    @DisplayName("the original KITT's campaign file parses and plans unchanged")
    void pythonFixture() {
        CampaignSpec spec = CampaignSpec.fromYaml(Fixtures.resource("fixtures/python-kitt-campaign.yaml"));
        assertEquals("nightly-small-models", spec.name());
        assertEquals("Two small models on llama.cpp and Ollama", spec.description());
        assertEquals(2, spec.models().size());
        assertEquals(3.1, spec.models().get(0).estimatedSizeGb());
        assertEquals("qwen2.5:1.5b", spec.models().get(0).refsByFormat().get("ollama"));
        assertEquals(List.of("llama_cpp", "ollama"), spec.engines().stream().map(e -> e.name()).toList());
        assertEquals(30, spec.timeoutMinutes());
        assertTrue(spec.agents().isEmpty());
        assertEquals(50.0, spec.raw().getJsonObject("disk").getDouble("reserve_gb"), "original keys are kept");
        assertEquals(List.of("IQ1_*", "IQ2_*"), spec.raw().getJsonObject("quant_filter").getJsonArray("skip_patterns").getList());

        Plan plan = planner.plan(spec, List.of(X86));
        assertEquals(4, plan.runnable().size());
        assertEquals(0, plan.skipped().size());
        PlannedRun first = plan.runs().get(0);
        assertEquals("Qwen/Qwen2.5-1.5B-Instruct-GGUF", first.modelRef());
        assertEquals("gguf", first.format());
        assertEquals("quick", first.suite());
        PlannedRun ollama = plan.runs().get(1);
        assertEquals("ollama", ollama.engine());
        assertEquals("qwen2.5:1.5b", ollama.modelRef(), "Ollama pulls by tag");
    }

    @Test
    @DisplayName("pairs without a usable format or CPU are skipped with the reason, the rest planned")
    void dropsIncompatiblePairs() {
        CampaignSpec spec = CampaignSpec.fromYaml("""
                campaign_name: mixed
                models:
                  - name: gguf-only
                    gguf_repo: org/g-GGUF
                  - name: both
                    gguf_repo: org/b-GGUF
                    safetensors_repo: org/b
                engines:
                  - name: vllm
                  - name: mlx
                  - name: sim
                profiles: [default, fast]
                """);
        Plan plan = planner.plan(spec, List.of(X86));
        assertEquals(12, plan.runs().size(), "2 models × 3 engines × 2 profiles");
        List<PlannedRun> skipped = plan.skipped();
        assertTrue(skipped.stream().anyMatch(r -> r.model().equals("gguf-only") && r.engine().equals("vllm")
                && r.skipReason().contains("no weights in a format vllm takes (safetensors); it has gguf")));
        assertTrue(skipped.stream().filter(r -> r.engine().equals("mlx"))
                .allMatch(r -> r.skipReason().contains("arm64") || r.skipReason().contains("no weights")));
        assertEquals(6, skipped.size(), "vllm × gguf-only and mlx × both models, each for 2 profiles");
        assertTrue(plan.runnable().stream().allMatch(r -> r.agents().equals(List.of("x"))));

        Plan withArm = planner.plan(spec, List.of(X86, ARM));
        PlannedRun mlxBoth = withArm.runs().stream().filter(r -> r.engine().equals("mlx") && r.model().equals("both"))
                .findFirst().orElseThrow();
        assertFalse(mlxBoth.skipped());
        assertEquals(List.of("a"), mlxBoth.agents(), "only the arm64 agent can run MLX");
        assertEquals("default", withArm.runs().get(0).profile());
    }

    @Test
    @DisplayName("unknown engines and suites are errors, not skips")
    void unknownNames() {
        CampaignSpec badEngine = CampaignSpec.fromYaml("campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\n"
                + "engines: [{name: tgi}]\n");
        assertEquals("unknown_engine", assertThrows(SpecException.class, () -> planner.plan(badEngine, List.of())).code());
        CampaignSpec badSuite = CampaignSpec.fromYaml("campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\n"
                + "engines: [{name: llama_cpp, suite: huge}]\n");
        assertEquals("unknown_suite", assertThrows(SpecException.class, () -> planner.plan(badSuite, List.of())).code());
        assertThrows(SpecException.class, () -> CampaignSpec.fromYaml("- just\n- a list\n"));
        assertNull(CampaignSpec.fromYaml("campaign_name: x\nmodels: []\nengines: []\n").schedule());
    }

    @Test
    @DisplayName("an engine entry's own profile replaces the campaign-wide profiles for that engine only")
    void enginesOwnProfile() {
        CampaignSpec spec = CampaignSpec.fromYaml("""
                campaign_name: profiled
                profiles: [default, long-context]
                models:
                  - {name: m, gguf_repo: org/m-GGUF, safetensors_repo: org/m}
                engines:
                  - {name: vllm, config: {profile: fp8-kv}}
                  - {name: llama_cpp}
                """);
        Plan plan = planner.plan(spec, List.of(X86));
        assertEquals(List.of("vllm/fp8-kv", "llama_cpp/default", "llama_cpp/long-context"),
                plan.runs().stream().map(r -> r.engine() + "/" + r.profile()).toList());
    }

    @Test
    @DisplayName("an engine entry's endpoint means endpoint mode; endpoint mode without a URL names the missing key")
    void endpointMode() {
        CampaignSpec spec = CampaignSpec.fromYaml("""
                campaign_name: remote
                models: [{name: m, safetensors_repo: org/m}]
                engines:
                  - {name: vllm, endpoint: "http://gpu-1:8000"}
                  - {name: vllm, mode: native}
                """);
        assertEquals("endpoint", spec.engines().get(0).mode());
        assertEquals("http://gpu-1:8000", spec.engines().get(0).endpoint());
        assertEquals(List.of("endpoint", "native"), planner.plan(spec, List.of(X86)).runs().stream()
                .map(PlannedRun::mode).toList());
        SpecException missing = assertThrows(SpecException.class, () -> CampaignSpec.fromYaml(
                "campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\nengines: [{name: vllm, mode: endpoint}]\n"));
        assertEquals("engines[0].endpoint", missing.field());
        assertTrue(missing.getMessage().contains("give endpoint: http://HOST:PORT"), missing.getMessage());
        SpecException bad = assertThrows(SpecException.class, () -> CampaignSpec.fromYaml(
                "campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\nengines: [{name: vllm, endpoint: gpu-1}]\n"));
        assertEquals("engines[0].endpoint", bad.field());
    }

    @Test
    @DisplayName("quant_filter skip patterns drop the runs whose weights match, listed as skipped with the pattern")
    void quantFilter() {
        CampaignSpec spec = CampaignSpec.fromYaml("""
                campaign_name: quants
                models:
                  - {name: tiny-iq2, gguf_repo: org/m-GGUF/m-IQ2_XS.gguf}
                  - {name: tiny-q4, gguf_repo: org/m-GGUF/m-Q4_K_M.gguf}
                  - {name: tag-iq1, ollama_tag: "llama3:8b-iq1_s"}
                  - {name: plain, gguf_repo: Qwen/Qwen2.5-1.5B-Instruct-GGUF}
                engines:
                  - {name: llama_cpp, formats: [gguf]}
                  - {name: ollama}
                quant_filter:
                  skip_patterns: ["IQ1_*", "IQ2_*"]
                """);
        Plan plan = planner.plan(spec, List.of(X86));
        // (tag-iq1 × llama_cpp is skipped too, for want of GGUF weights.)
        List<PlannedRun> filtered = plan.skipped().stream().filter(r -> r.skipReason().startsWith("quant_filter"))
                .toList();
        assertEquals(List.of("tiny-iq2/llama_cpp", "tiny-iq2/ollama", "tag-iq1/ollama"),
                filtered.stream().map(r -> r.model() + "/" + r.engine()).toList());
        assertEquals("quant_filter skips org/m-GGUF/m-IQ2_XS.gguf (matches \"IQ2_*\")", filtered.get(0).skipReason());
        assertTrue(filtered.get(2).skipReason().contains("\"IQ1_*\""), filtered.get(2).skipReason());
        assertEquals(4, plan.skipped().size(), plan.skipped().toString());
        assertTrue(plan.runnable().stream().anyMatch(r -> r.model().equals("tiny-q4")));
        assertTrue(plan.runnable().stream().anyMatch(r -> r.model().equals("plain")));
        SpecException bad = assertThrows(SpecException.class, () -> CampaignSpec.fromYaml(
                "campaign_name: x\nmodels: []\nengines: []\nquant_filter: {skip_patterns: IQ1_*}\n"));
        assertEquals("quant_filter.skip_patterns", bad.field());
    }

    @Test
    @DisplayName("planning reads engines, model formats and CPU architectures from the engine registry")
    void catalogIsTheRegistry() {
        EngineCatalog catalog = EngineCatalog.standard();
        dev.kitt.engines.EngineRegistry registry = dev.kitt.engines.EngineRegistry.builtin();
        assertEquals(registry.all().stream().map(d -> d.name()).sorted().toList(), catalog.engines());
        assertEquals(List.of("safetensors"), catalog.formatsFor("vllm"));
        assertEquals(List.of("ollama", "gguf"), catalog.formatsFor("ollama"));
        assertEquals(List.of("exl2", "safetensors"), catalog.formatsFor("exllamav2"));
        assertEquals(List.of(EngineCatalog.ANY_FORMAT), catalog.formatsFor("sim"));
        assertEquals(java.util.Set.of("arm64"), catalog.archs("mlx"), "aarch64 in the registry, arm64 here");
        assertEquals(java.util.Set.of("x86_64"), catalog.archs("exllamav2"));

        CampaignSpec exl2 = CampaignSpec.fromYaml("campaign_name: x\nmodels: [{name: m, exl2_repo: org/m-exl2}]\n"
                + "engines: [{name: exllamav2}]\n");
        PlannedRun onArm = planner.plan(exl2, List.of(ARM)).runs().get(0);
        assertTrue(onArm.skipped());
        assertTrue(onArm.skipReason().contains("exllamav2 needs a x86_64 CPU; the agents have arm64"), onArm.skipReason());
        assertFalse(planner.plan(exl2, List.of(X86)).runs().get(0).skipped());
    }

    @Test
    @DisplayName("an engine may name the agents that run it; an agent outside the campaign is an error")
    void engineAgents() {
        CampaignSpec spec = CampaignSpec.fromYaml("campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\n"
                + "engines: [{name: llama_cpp, agents: [a]}, {name: sim}]\nagents: [x, a]\n");
        Plan plan = planner.plan(spec, List.of(X86, ARM));
        assertEquals(List.of("a"), plan.runs().get(0).agents());
        assertEquals(List.of("x", "a"), plan.runs().get(1).agents());
        CampaignSpec stranger = CampaignSpec.fromYaml("campaign_name: x\nmodels: [{name: m, gguf_repo: r}]\n"
                + "engines: [{name: llama_cpp, agents: [ghost]}]\n");
        SpecException e = assertThrows(SpecException.class, () -> planner.plan(stranger, List.of(X86)));
        assertTrue(e.getMessage().contains("engines[0].agents names agent 'ghost'"), e.getMessage());
    }
}
