package dev.kitt.cli;

import dev.kitt.trust.ServerTrust;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command works: a KITT server (--server URL, --token or KITT_TOKEN, how to trust it) or,
 * without --server, the local store named by the configuration.
 */
public class ServerTarget {
    @Mixin
    public ConfigOptions config;

    @Option(names = "--server", description = "a KITT server URL (default: this machine and its local store)")
    public String server;

    @Option(names = "--token", description = "API token or JWT for --server (default: KITT_TOKEN)")
    String token;

    @Mixin
    ServerTrustOptions tls;

    public String token() {
        return token != null ? token : System.getenv("KITT_TOKEN");
    }

    public ServerTrust trust() {
        return tls.trust();
    }
}
