package dev.kitt.ci.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A one-line description of the machine a run used, plus its fingerprint when known.
 * Reads our hardware.json and the original KITT's {@code system_info}; both are read leniently
 * because the report only displays them, and a missing field must not fail a CI job.
 */
public record HardwareSummary(String description, String fingerprint) {
    public static final HardwareSummary UNKNOWN = new HardwareSummary("unknown", "");

    private record GpuModel(String name, Double vramGb) {
    }

    public static HardwareSummary from(JsonObject hw, String fingerprintHint) {
        if (hw == null) {
            return new HardwareSummary("unknown", fingerprintHint);
        }
        List<String> parts = new ArrayList<>();
        String gpu = gpus(hw);
        if (!gpu.isEmpty()) {
            parts.add(gpu);
        }
        String cpu = cpu(hw.getValue("cpu"));
        if (!cpu.isEmpty()) {
            parts.add(cpu);
        }
        Number ram = number(hw, "ram_gb", "memory_gb");
        if (ram != null) {
            parts.add(plain(ram) + " GB RAM");
        }
        String os = text(hw, "os");
        if (!os.isEmpty()) {
            parts.add(os);
        }
        String fp = text(hw, "fingerprint");
        return new HardwareSummary(parts.isEmpty() ? "unknown" : String.join(" · ", parts),
                fp.isEmpty() ? fingerprintHint : fp);
    }

    private static String gpus(JsonObject hw) {
        Object gpu = hw.getValue("gpus", hw.getValue("gpu"));
        if (gpu instanceof JsonObject one) {
            Number count = number(one, "count");
            return gpuLabel(text(one, "model", "name"), vramGb(one), count == null ? 1 : count.intValue());
        }
        if (gpu instanceof JsonArray list) {
            // Identical cards are grouped so a node with eight GPUs still reads as one short line.
            Map<GpuModel, Integer> counts = new LinkedHashMap<>();
            for (Object o : list) {
                if (o instanceof JsonObject g) {
                    Number vram = vramGb(g);
                    counts.merge(new GpuModel(text(g, "name", "model"), vram == null ? null : vram.doubleValue()),
                            1, Integer::sum);
                }
            }
            List<String> labels = new ArrayList<>();
            counts.forEach((model, n) -> labels.add(gpuLabel(model.name(), model.vramGb(), n)));
            return String.join(" + ", labels);
        }
        if (gpu instanceof String s) {
            return s;
        }
        return "";
    }

    private static Number vramGb(JsonObject g) {
        Number gb = number(g, "vram_gb", "memory_gb", "memory_total_gb");
        if (gb != null) {
            return gb;
        }
        Number mb = number(g, "memory_total_mb", "vram_mb", "memTotalMb", "mem_total_mb");
        return mb == null ? null : Math.round(mb.doubleValue() / 1024.0);
    }

    private static String gpuLabel(String name, Number vramGb, int count) {
        String label = (name.isEmpty() ? "GPU" : name) + (vramGb == null ? "" : " (" + plain(vramGb) + " GB)");
        return count > 1 ? count + "× " + label : label;
    }

    private static String cpu(Object cpu) {
        if (cpu instanceof JsonObject c) {
            String model = text(c, "model", "name");
            Number cores = number(c, "cores");
            return model + (cores == null ? "" : " (" + plain(cores) + " cores)");
        }
        return cpu instanceof String s ? s : "";
    }

    private static String text(JsonObject o, String... keys) {
        for (String k : keys) {
            Object v = o.getValue(k);
            if (v instanceof String s && !s.isBlank()) {
                return s.trim();
            }
        }
        return "";
    }

    private static Number number(JsonObject o, String... keys) {
        for (String k : keys) {
            if (o.getValue(k) instanceof Number n) {
                return n;
            }
        }
        return null;
    }

    private static String plain(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
