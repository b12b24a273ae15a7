package dev.kitt.cli;

import dev.kitt.hardware.HardwareFixtures;
import dev.kitt.hardware.Host;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintCommandTest {
    @TempDir
    Path tmp;

    private String run(Host host, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new FingerprintCommand(host));
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    private Host a6000() {
        return HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path(HardwareFixtures.bin(tmp, "a6000")));
    }

    @Test
    @DisplayName("kitt fingerprint prints the fingerprint string alone on one line")
    void printsFingerprint() {
        assertEquals("rtx-a6000-48gb_amd-epyc-7543-32c_256gb-native_linux_nvme_cuda12.2_535.104_ubuntu-22.04",
                run(a6000(), "--dir", tmp.toString()).strip());
    }

    @Test
    @DisplayName("kitt fingerprint --verbose prints hardware.json including the fingerprint")
    void verbosePrintsJson() {
        JsonObject json = new JsonObject(run(a6000(), "--verbose", "--dir", tmp.toString()));
        assertEquals(2, json.getJsonObject("gpu").getInteger("count"));
        assertEquals("Ubuntu 22.04", json.getString("os"));
        assertTrue(json.getString("fingerprint").startsWith("rtx-a6000-48gb_"));
    }

    @Test
    @DisplayName("kitt fingerprint is registered on the root command and runs on this machine")
    void registeredOnRoot() {
        StringWriter out = new StringWriter();
        CommandLine cl = KittCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("fingerprint", "--dir", tmp.toString()));
        assertTrue(out.toString().strip().matches("[a-z0-9.\\-_]+"), out.toString());
    }
}
