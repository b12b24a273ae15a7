package dev.kitt.cli;

import dev.kitt.ci.results.ResultsDirectory;
import dev.kitt.ci.results.ResultsException;
import dev.kitt.ci.results.RunResult;
import dev.kitt.ci.spread.SpreadAnalysis;
import dev.kitt.ci.spread.SpreadFormat;
import dev.kitt.ci.spread.SpreadRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `kitt results compare`: how much each metric varies across runs (min, max, mean, stddev and
 * coefficient of variation), to judge whether a difference between runs is signal or noise.
 * Standalone so it can be attached under `kitt results`.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare runs: per metric min, max, mean, standard deviation and coefficient of variation.")
public final class ResultsCompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR1", description = "A run directory, or a directory of runs.")
    Path first;

    @Parameters(index = "1", paramLabel = "DIR2", description = "Another one.")
    Path second;

    @Option(names = "--additional", paramLabel = "DIR", arity = "1..*", description = "More directories to include.")
    List<Path> additional = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or markdown (default: ${DEFAULT-VALUE}).")
    SpreadFormat format;

    @Override
    public Integer call() {
        List<Path> dirs = new ArrayList<>(List.of(first, second));
        dirs.addAll(additional);
        List<RunResult> runs = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                runs.addAll(ResultsDirectory.load(dir).runs());
            } catch (ResultsException e) {
                throw new CliException(e.getMessage(), e);
            }
        }
        spec.commandLine().getOut().print(SpreadRenderer.render(format, runs, SpreadAnalysis.of(runs)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
