package dev.kitt.cli.agent;

import dev.kitt.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `kitt agent service install|uninstall`: the systemd unit from agent/kitt-agent.service. */
@Command(name = "service", mixinStandardHelpOptions = true, description = "Install or remove the agent's systemd unit.",
        subcommands = {AgentServiceCommand.Install.class, AgentServiceCommand.Uninstall.class})
public final class AgentServiceCommand implements Runnable {
    static final String UNIT = "kitt-agent.service";

    @Override
    public void run() {
        throw new CliException("say `kitt agent service install` or `kitt agent service uninstall`");
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Option(names = "--unit-dir", paramLabel = "DIR", description = "where units live (default: /etc/systemd/system)")
        Path unitDir = Path.of("/etc/systemd/system");

        @Option(names = "--no-systemctl", description = "only write or remove the file; do not call systemctl")
        boolean noSystemctl;

        void systemctl(String... args) throws Exception {
            if (noSystemctl) {
                return;
            }
            List<String> cmd = new java.util.ArrayList<>(List.of("systemctl"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new CliException(String.join(" ", cmd) + " failed: " + out);
            }
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true, description = "Write and enable the systemd unit.")
    static final class Install extends Base {
        @Override
        public Integer call() throws Exception {
            String template;
            try (InputStream in = AgentServiceCommand.class.getResourceAsStream("/agent/" + UNIT)) {
                if (in == null) {
                    throw new CliException("the unit template is missing from this build");
                }
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path f = unitDir.resolve(UNIT);
            Files.createDirectories(unitDir);
            Files.writeString(f, template.replace("{{KITT_HOME}}", home.home().toAbsolutePath().toString())
                    .replace("{{JAVA}}", java));
            systemctl("daemon-reload");
            systemctl("enable", "--now", UNIT);
            System.out.println("installed " + f);
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Stop, disable and remove the systemd unit.")
    static final class Uninstall extends Base {
        @Override
        public Integer call() throws Exception {
            Path f = unitDir.resolve(UNIT);
            if (!Files.exists(f)) {
                throw new CliException(f + " is not installed");
            }
            systemctl("disable", "--now", UNIT);
            Files.delete(f);
            systemctl("daemon-reload");
            System.out.println("removed " + f);
            return 0;
        }
    }
}
