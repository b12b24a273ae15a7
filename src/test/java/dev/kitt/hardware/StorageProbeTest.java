package dev.kitt.hardware;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StorageProbeTest {
    @TempDir
    Path tmp;

    private StorageProbe probe() {
        return new StorageProbe(HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path()).files());
    }

    @Test
    @DisplayName("The deepest mount point above a directory names its device, with /proc/mounts escapes decoded")
    void mountSourceIsDeepestMount() {
        StorageProbe storage = probe();
        assertEquals(Optional.of("/dev/nvme0n1p2"), storage.mountSource("/home/kitt/models"));
        assertEquals(Optional.of("/dev/nvme0n1p1"), storage.mountSource("/boot/efi/EFI"));
        assertEquals(Optional.of("/dev/sda1"), storage.mountSource("/mnt/archive disk/models"));
        assertEquals(Optional.of("/dev/nvme0n1p2"), storage.mountSource("/mnt/archive"));
    }

    @Test
    @DisplayName("An NVMe partition is typed nvme; a SATA partition is hdd or ssd by its rotational flag")
    void typesFromSysBlock() {
        StorageProbe storage = probe();
        StorageInfo nvme = storage.describe("/models", "/dev/nvme0n1p2", 894.3, 500.0);
        assertEquals("nvme0n1", nvme.device());
        assertEquals("nvme", nvme.type());
        assertEquals("Micron_7450_MTFDKBA960TFR", nvme.model());
        assertEquals("Micron", nvme.brand());
        StorageInfo hdd = storage.describe("/mnt/archive disk", "/dev/sda1", 3726.0, 100.0);
        assertEquals("sda", hdd.device());
        assertEquals("hdd", hdd.type());
    }

    @Test
    @DisplayName("Overlay and network filesystems have no block device, so their type is unknown")
    void nonBlockSourcesAreUnknown() {
        StorageInfo overlay = probe().describe("/models", "overlay", 100.0, 50.0);
        assertNull(overlay.device());
        assertEquals("unknown", overlay.toJson().getString("type"));
        assertEquals(50.0, overlay.toJson().getDouble("free_gb"));
        assertNull(probe().describe("/models", "nas:/export/models", 1.0, 1.0).type());
    }
}
