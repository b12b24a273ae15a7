package dev.kitt.hardware;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the disk under a directory: sizes from the filesystem, the block device from the mount,
 * and its kind from /sys/block (NVMe by name, otherwise the rotational flag).
 */
final class StorageProbe {
    private static final double BYTES_PER_GIB = 1024.0 * 1024.0 * 1024.0;
    // Partitions are named after their disk: nvme0n1p2 → nvme0n1, mmcblk0p1 → mmcblk0, sda1 → sda.
    private static final Pattern NUMBERED_DISK_PARTITION = Pattern.compile("^((?:nvme\\d+n\\d+)|(?:mmcblk\\d+))p\\d+$");
    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\([0-7]{3})");
    private static final Pattern LETTERED_DISK_PARTITION = Pattern.compile("^([a-z]+)\\d+$");

    private final HostFiles files;

    StorageProbe(HostFiles files) {
        this.files = files;
    }

    StorageInfo probe(Path dir) {
        Path existing = nearestExisting(dir.toAbsolutePath());
        if (existing == null) {
            return new StorageInfo(dir.toString(), null, null, null, null, null, null);
        }
        try {
            FileStore store = Files.getFileStore(existing);
            String source = mountSource(existing.toRealPath().toString()).orElse(store.name());
            return describe(dir.toString(), source, gib(store.getTotalSpace()), gib(store.getUsableSpace()));
        } catch (IOException | RuntimeException e) {
            return new StorageInfo(dir.toString(), null, null, null, null, null, null);
        }
    }

    /**
     * The device mounted at the deepest mount point above {@code realDir}, from /proc/mounts.
     * Read through {@link HostFiles} rather than asked of the JVM, so a fixture tree can say
     * which disk a directory lives on.
     */
    Optional<String> mountSource(String realDir) {
        String best = null;
        int bestLength = -1;
        for (String line : files.read("/proc/mounts").orElse("").split("\\R")) {
            String[] f = line.split(" ");
            if (f.length < 2) {
                continue;
            }
            String point = unescape(f[1]);
            boolean above = point.equals("/") || realDir.equals(point) || realDir.startsWith(point + "/");
            // Later lines win ties: a filesystem mounted over another hides it.
            if (above && point.length() >= bestLength) {
                best = unescape(f[0]);
                bestLength = point.length();
            }
        }
        return Optional.ofNullable(best);
    }

    /** /proc/mounts writes space, tab, newline and backslash as octal escapes (a space is \040). */
    static String unescape(String field) {
        Matcher m = OCTAL_ESCAPE.matcher(field);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** What /sys says about the device a filesystem was mounted from ("/dev/nvme0n1p2"). */
    StorageInfo describe(String path, String mountSource, Double totalGb, Double freeGb) {
        String disk = disk(mountSource);
        if (disk == null) {
            return new StorageInfo(path, null, null, null, null, freeGb, totalGb);
        }
        String base = "/sys/block/" + disk;
        String model = files.readLine(base + "/device/model").orElse(null);
        String vendor = files.readLine(base + "/device/vendor").orElse(null);
        return new StorageInfo(path, disk, brand(vendor, model), model, type(disk), freeGb, totalGb);
    }

    private String type(String disk) {
        if (disk.startsWith("nvme")) {
            return "nvme";
        }
        return files.readLine("/sys/block/" + disk + "/queue/rotational")
                .map(r -> r.equals("0") ? "ssd" : r.equals("1") ? "hdd" : null)
                .orElse(null);
    }

    /** The whole-disk name in /sys/block for a mount source, following device-mapper to its first slave. */
    String disk(String mountSource) {
        if (mountSource == null || !mountSource.startsWith("/dev/")) {
            return null;
        }
        String name = mountSource.substring("/dev/".length());
        if (name.startsWith("mapper/")) {
            // LVM and LUKS volumes appear as /dev/mapper/x; /sys knows them as dm-N, which we
            // cannot map back without resolving the symlink on the real host.
            Path real = files.resolve(mountSource);
            try {
                name = real.toRealPath().getFileName().toString();
            } catch (IOException e) {
                return null;
            }
        }
        if (name.startsWith("dm-")) {
            List<String> slaves = files.list("/sys/block/" + name + "/slaves");
            if (slaves.isEmpty()) {
                return null;
            }
            name = slaves.get(0);
        }
        if (files.exists("/sys/block/" + name)) {
            return name;
        }
        Matcher numbered = NUMBERED_DISK_PARTITION.matcher(name);
        if (numbered.matches()) {
            return numbered.group(1);
        }
        Matcher lettered = LETTERED_DISK_PARTITION.matcher(name);
        if (lettered.matches()) {
            return lettered.group(1);
        }
        return name;
    }

    /** The vendor file says "ATA" for every SATA disk; then the model's first word is the brand. */
    static String brand(String vendor, String model) {
        if (vendor != null && !vendor.isBlank() && !vendor.equalsIgnoreCase("ATA") && !vendor.startsWith("0x")) {
            return vendor.strip();
        }
        if (model == null || model.isBlank()) {
            return null;
        }
        String first = model.strip().split("[\\s_]+")[0];
        return first.toLowerCase(Locale.ROOT).startsWith("samsung") ? "Samsung" : first;
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static Double gib(long bytes) {
        return Math.round(bytes / BYTES_PER_GIB * 10.0) / 10.0;
    }
}
