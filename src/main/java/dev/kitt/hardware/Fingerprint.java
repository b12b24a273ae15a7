package dev.kitt.hardware;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact hardware fingerprint that labels results, for example
 * {@code rtx-a6000-48gb_amd-epyc-7543-32c_256gb-native_linux_nvme_cuda12.2_535.104_ubuntu-22.04}.
 * Layout: {@code {gpu}-{vram}_{cpu}-{cores}_{ram}-{environment}_{storage}_{cuda}_{driver}_{os}}.
 * Each part is normalised by {@link #slug}; an unknown part is the word "unknown" with no unit.
 * docs/hardware.md is the reference for the format.
 */
public final class Fingerprint {
    private static final Pattern DRIVER_MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");
    // Marketing words that differ between tools for the same chip and would split one machine
    // into several fingerprints.
    private static final Pattern CPU_NOISE = Pattern.compile(
            "\\((r|tm)\\)|\\b(processor|cpu)\\b|\\b\\d+-core\\b|@.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GPU_NOISE = Pattern.compile("^nvidia\\s+", Pattern.CASE_INSENSITIVE);

    private Fingerprint() {
    }

    public static String of(HardwareInfo hw) {
        GpuInfo gpu = hw.gpu();
        return String.join("_",
                slug(gpuName(gpu.model())) + "-" + unit(gpu.vramGb(), "", "gb"),
                slug(cpuName(hw.cpu().model())) + "-" + unit(hw.cpu().cores(), "", "c"),
                unit(hw.ramGb(), "", "gb") + "-" + Unknown.text(hw.environmentType()),
                slug(hw.storage().type()),
                Unknown.isUnknown(gpu.cudaVersion()) ? Unknown.VALUE : "cuda" + slug(gpu.cudaVersion()),
                slug(driver(gpu.driverVersion())),
                slug(os(hw.os())));
    }

    /**
     * Lowercase; every run of characters other than letters, digits and dots becomes one dash;
     * no leading or trailing dash. Underscores therefore only ever separate parts (except inside
     * the environment type, whose names are fixed). Blank or missing → "unknown".
     */
    public static String slug(String value) {
        if (Unknown.isUnknown(value)) {
            return Unknown.VALUE;
        }
        String s = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? Unknown.VALUE : s;
    }

    static String gpuName(String model) {
        return model == null ? null : GPU_NOISE.matcher(model.strip()).replaceFirst("");
    }

    static String cpuName(String model) {
        return model == null ? null : CPU_NOISE.matcher(model).replaceAll(" ").strip();
    }

    /** Driver 535.104.05 → 535.104: the patch level rarely changes performance and splits results. */
    static String driver(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = DRIVER_MAJOR_MINOR.matcher(version.strip());
        return m.find() ? m.group(1) + "." + m.group(2) : version;
    }

    static String os(OsInfo os) {
        if (Unknown.isUnknown(os.id())) {
            return null;
        }
        return Unknown.isUnknown(os.version()) ? os.id() : os.id() + "-" + os.version();
    }

    private static String unit(Number n, String prefix, String suffix) {
        return n == null ? Unknown.VALUE : prefix + n + suffix;
    }
}
