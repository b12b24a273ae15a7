package dev.kitt.cli;

import dev.kitt.cli.results.LocalResultsClient;
import dev.kitt.cli.results.RemoteResultsClient;
import dev.kitt.cli.results.ResultsClient;
import dev.kitt.results.ResultQuery;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** `kitt results list | import | export`, on the local store or a server (--server). */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Stored results.",
        subcommands = {ResultsCommand.ListRuns.class, ResultsCommand.Import.class, ResultsCommand.Export.class,
                ResultsCompareCommand.class})
public final class ResultsCommand {

    /** Where the results live: --server URL (+ token) or the local store. */
    static class Target extends ServerTarget {
        ResultsClient open() {
            if (server != null) {
                return new RemoteResultsClient(server, token(), trust());
            }
            return new LocalResultsClient(config.load(Map.of()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored runs, newest first.")
    static final class ListRuns implements Runnable {
        @Mixin
        Target target;

        @Option(names = "--model")
        String model;

        @Option(names = "--engine")
        String engine;

        @Option(names = "--suite")
        String suite;

        @Option(names = "--limit", defaultValue = "50", description = "at most this many runs (1-500)")
        int limit;

        @Option(names = "--json", description = "print the API's JSON page")
        boolean json;

        @Override
        public void run() {
            if (limit < 1 || limit > ResultQuery.MAX_PER_PAGE) {
                throw new CliException("--limit must be between 1 and " + ResultQuery.MAX_PER_PAGE);
            }
            try (ResultsClient client = target.open()) {
                JsonObject page = client.list(new ResultQuery(model, engine, suite, null, null, null, null, 1, limit));
                if (json) {
                    System.out.println(page.encodePrettily());
                    return;
                }
                System.out.printf("%-36s  %-20s  %-12s  %-12s  %-6s  %s%n", "ID", "STARTED", "ENGINE", "SUITE", "PASSED", "MODEL");
                for (Object o : page.getJsonArray("items")) {
                    JsonObject r = (JsonObject) o;
                    System.out.printf("%-36s  %-20s  %-12s  %-12s  %-6s  %s%n", r.getString("id"),
                            Instant.ofEpochMilli(r.getLong("started_at")).toString().substring(0, 19),
                            r.getString("engine"), r.getString("suite_name"), r.getBoolean("passed") ? "yes" : "no",
                            r.getString("model"));
                }
                System.out.printf("%d of %d run(s)%n", page.getJsonArray("items").size(), page.getLong("total"));
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import metrics.json files (or result directories holding one).")
    static final class Import implements Runnable {
        @Mixin
        Target target;

        @Parameters(arity = "1..*", paramLabel = "PATH")
        List<Path> paths;

        @Override
        public void run() {
            try (ResultsClient client = target.open()) {
                for (Path p : paths) {
                    Path file = Files.isDirectory(p) ? p.resolve("metrics.json") : p;
                    if (!Files.isRegularFile(file)) {
                        throw new CliException("no metrics.json at " + file);
                    }
                    String text;
                    try {
                        text = Files.readString(file);
                    } catch (IOException e) {
                        throw new CliException("cannot read " + file + ": " + e.getMessage());
                    }
                    JsonObject r;
                    try {
                        r = client.importDocument(text);
                    } catch (CliException e) {
                        throw new CliException(file + ": " + e.getMessage());
                    }
                    System.out.printf("%s %s (%s)%n", r.getBoolean("created") ? "imported" : "already stored",
                            r.getString("id"), file);
                }
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a stored run's metrics.json.")
    static final class Export implements Runnable {
        @Mixin
        Target target;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = {"-o", "--output"}, description = "file to write (default: standard output)")
        Path output;

        @Override
        public void run() {
            try (ResultsClient client = target.open()) {
                JsonObject run = client.get(id);
                if (run == null) {
                    throw new CliException("no stored result with id " + id);
                }
                String doc = run.getJsonObject("document").encodePrettily();
                if (output == null) {
                    System.out.println(doc);
                    return;
                }
                try {
                    Files.writeString(output, doc + "\n");
                } catch (IOException e) {
                    throw new CliException("cannot write " + output + ": " + e.getMessage());
                }
                System.out.println("wrote " + output);
            }
        }
    }
}
