package dev.kitt.hardware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to nvidia-smi: one query per call in its CSV mode, where each line is one GPU and
 * values are separated by ", ". Values nvidia-smi cannot give (unified-memory boards report
 * memory as "[N/A]", old drivers say "[Not Supported]") come back as null.
 */
final class NvidiaSmi {
    private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9.]+)");

    private final CommandRunner commands;

    NvidiaSmi(CommandRunner commands) {
        this.commands = commands;
    }

    /** One row per GPU with the fields in the order asked; empty if nvidia-smi is missing or fails. */
    List<List<String>> query(String... fields) {
        Optional<String> out = commands.run("nvidia-smi",
                "--query-gpu=" + String.join(",", fields), "--format=csv,noheader,nounits");
        if (out.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : out.get().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            // GPU names do not contain commas, so a plain split keeps columns aligned.
            List<String> row = new ArrayList<>(Arrays.stream(line.split(",", -1)).map(NvidiaSmi::value).toList());
            if (row.size() == fields.length) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The highest CUDA version the driver supports. No --query-gpu field carries it, so it is
     * read from the banner of the plain nvidia-smi report.
     */
    Optional<String> cudaVersion() {
        return commands.run("nvidia-smi").flatMap(out -> {
            Matcher m = CUDA_VERSION.matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    private static String value(String raw) {
        String v = raw.strip();
        if (v.isEmpty() || v.startsWith("[") || v.equalsIgnoreCase("N/A")) {
            return null;
        }
        return v;
    }

    static Long parseLong(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
