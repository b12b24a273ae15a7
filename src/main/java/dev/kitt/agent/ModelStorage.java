package dev.kitt.agent;

import dev.kitt.util.Directories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where run_test finds its model: the copy under the model directory when present; otherwise the
 * NFS share (mounted on demand) copied to local storage with progress in the log; otherwise the
 * name as given (an engine may fetch it itself). Blocking: call on a worker thread.
 */
final class ModelStorage {
    record Prepared(String path, boolean copied) {
    }

    private final Path modelDir;
    private final String shareSource;
    private final String shareMount;

    ModelStorage(String modelDir, String shareSource, String shareMount) {
        this.modelDir = Path.of(modelDir);
        this.shareSource = shareSource;
        this.shareMount = shareMount;
    }

    Prepared prepare(String model, Consumer<String> log) throws IOException, InterruptedException {
        Path local = safe(model);
        if (Files.exists(local)) {
            log.accept("model " + model + ": using the local copy " + local);
            return new Prepared(local.toString(), false);
        }
        if (shareSource == null || shareMount == null) {
            log.accept("model " + model + ": no local copy and no share configured; passing the name to the engine");
            return new Prepared(model, false);
        }
        Path mount = Path.of(shareMount);
        if (!isMounted(mount)) {
            log.accept("mounting " + shareSource + " at " + mount);
            Files.createDirectories(mount);
            Process p = new ProcessBuilder("mount", "-t", "nfs", shareSource, mount.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0) {
                throw new IOException("cannot mount the model share " + shareSource + " at " + mount + ": " + out);
            }
        }
        Path source = mount.resolve(model).normalize();
        if (!source.startsWith(mount) || !Files.exists(source)) {
            throw new IOException("model " + model + " is neither in " + modelDir + " nor on the share " + shareSource);
        }
        copy(source, local, log);
        return new Prepared(local.toString(), true);
    }

    private static void copy(Path source, Path target, Consumer<String> log) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(source)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        long done = 0;
        int lastPct = -1;
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        for (Path f : files) {
            Path dest = tmp.resolve(source.relativize(f).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
            done += Files.size(f);
            int pct = total == 0 ? 100 : (int) (done * 100 / total);
            if (pct / 10 != lastPct / 10) {
                log.accept("copying " + source.getFileName() + ": " + pct + "% (" + done / (1 << 20) + " of "
                        + total / (1 << 20) + " MiB)");
                lastPct = pct;
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes one model, or every model when {@code model} is null; returns what was deleted. */
    List<String> cleanup(String model, Consumer<String> log) throws IOException {
        List<String> deleted = new ArrayList<>();
        if (!Files.isDirectory(modelDir)) {
            return deleted;
        }
        List<Path> targets;
        if (model != null) {
            targets = Files.exists(safe(model)) ? List.of(safe(model)) : List.of();
        } else {
            try (Stream<Path> s = Files.list(modelDir)) {
                targets = s.toList();
            }
        }
        for (Path t : targets) {
            Directories.deleteTree(t);
            log.accept("deleted " + t);
            deleted.add(modelDir.relativize(t).toString());
        }
        return deleted;
    }

    /** A model name never escapes the model directory. */
    private Path safe(String model) throws IOException {
        Path p = modelDir.resolve(model).normalize();
        if (!p.startsWith(modelDir) || p.equals(modelDir)) {
            throw new IOException("model name '" + model + "' is not a path inside " + modelDir);
        }
        return p;
    }

    private static boolean isMounted(Path mount) throws IOException {
        Path mounts = Path.of("/proc/mounts");
        return Files.exists(mounts) && Files.readAllLines(mounts).stream()
                .anyMatch(l -> l.split(" ").length > 1 && l.split(" ")[1].equals(mount.toAbsolutePath().toString()));
    }
}
