package dev.kitt.hardware;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvironmentDetectorTest {
    @TempDir
    Path root;

    private static final GpuInfo H100 = new GpuInfo(
            List.of(new GpuDevice(0, "NVIDIA H100 80GB HBM3", 81559L, "9.0")), 80L, false, "550.54", "12.4");
    private static final GpuInfo GB10 = new GpuInfo(
            List.of(new GpuDevice(0, "NVIDIA GB10", null, "12.1")), 122L, true, "580.95", "13.0");

    private String detect(String osName, GpuInfo gpu) {
        Host host = new Host(new CommandRunner(List.of(), Duration.ofSeconds(1)), new HostFiles(root), osName, "amd64");
        return new EnvironmentDetector(host).detect(gpu);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    @DisplayName("A plain Linux host is native_linux")
    void nativeLinux() throws IOException {
        write("proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        write("proc/1/cgroup", "0::/init.scope\n");
        assertEquals("native_linux", detect("Linux", H100));
    }

    @Test
    @DisplayName("macOS is native_macos before any Linux file is looked at")
    void macos() {
        assertEquals("native_macos", detect("Mac OS X", GpuInfo.none()));
    }

    @Test
    @DisplayName("A kernel built by Microsoft means WSL2")
    void wsl() throws IOException {
        write("proc/sys/kernel/osrelease", "5.15.153.1-microsoft-standard-WSL2\n");
        assertEquals("wsl2", detect("Linux", H100));
    }

    @Test
    @DisplayName("/.dockerenv or a docker cgroup means docker, even on a DGX")
    void docker() throws IOException {
        write(".dockerenv", "");
        write("etc/dgx-release", "DGX_NAME=\"DGX H100\"\n");
        assertEquals("docker", detect("Linux", H100));
    }

    @Test
    @DisplayName("A Kubernetes or Podman cgroup means a generic container")
    void container() throws IOException {
        write("proc/1/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-1a2b.scope\n");
        assertEquals("container", detect("Linux", H100));
    }

    @Test
    @DisplayName("/etc/dgx-release means dgx, and a GB10 GPU means dgx_spark")
    void dgx() throws IOException {
        write("etc/dgx-release", "DGX_NAME=\"DGX H100\"\n");
        assertEquals("dgx", detect("Linux", H100));
        assertEquals("dgx_spark", detect("Linux", GB10));
    }
}
