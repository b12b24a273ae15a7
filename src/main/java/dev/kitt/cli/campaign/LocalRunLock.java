package dev.kitt.cli.campaign;

import dev.kitt.cli.CliException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * KITT_HOME/campaigns/ID/run.lock, held by the process running a local campaign for as long as
 * it runs. The operating system lets go of it when that process ends in any way (SIGKILL
 * included), so a campaign whose lock can be taken is one that nobody runs any more. The file
 * names the holder (pid and host) for the message of whoever finds it taken.
 */
final class LocalRunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LocalRunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of campaign {@code id}, or a CliException naming the process that holds it. */
    static LocalRunLock take(Path home, String id, String name) {
        Path file = home.resolve("campaigns").resolve(id).resolve("run.lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file).strip();
                ch.close();
                throw new CliException("campaign '" + name + "' (" + id + ") is still running in another process ("
                        + (holder.isEmpty() ? "unknown" : holder) + "); wait for it to end or stop it before --resume");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new LocalRunLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new CliException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // Already failing with the cause that matters.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }
}
