package dev.kitt.cli;

import dev.kitt.util.Executables;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small blocking probes for the `kitt engines` commands, which run on the CLI's main thread
 * (no event loop involved): is docker there, is an image present, what CPU is this.
 */
final class HostTools {
    private HostTools() {
    }

    static boolean hasDocker() {
        return Executables.onSystemPath("docker").isPresent();
    }

    static int run(List<String> cmd, boolean inheritOutput) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (inheritOutput) {
                pb.inheritIO();
            } else {
                pb.redirectErrorStream(true);
            }
            Process p = pb.start();
            if (!inheritOutput) {
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The JVM's architecture in the names engine descriptors use. */
    static String arch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }
}
