package dev.concierge.benchmarks;

import dev.concierge.benchmarks.ingestion.IngestionWorkload;
import dev.concierge.benchmarks.load.DecisionSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The options of {@code bin/concierge bench}'s benchmarks, parsed for bin/lib/bench.sh, which passes a
 * benchmark's arguments through and reads back every option's value, defaults included: a line
 * {@code name=value} each (the option's name without its dashes; lists joined by commas, durations in
 * milliseconds as {@code 1500ms}), written to the file {@code --values} names. After {@code --help} or
 * {@code --version} the file is not written; a usage error exits 2 with picocli's message.
 */
@Command(name = "bin/concierge bench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    subcommands = {BenchOptions.Decisions.class, BenchOptions.Ingestion.class},
    description = "The options of a benchmark of bin/concierge bench, for bench.sh.")
public final class BenchOptions {

  @Option(names = "--values", paramLabel = "FILE", required = true, hidden = true,
      description = "where the values go, a line name=value each")
  private Path values;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchOptions()).execute(args));
  }

  /** Writes the values of {@code benchmark}'s options, then exits 0. */
  private int write(CommandSpec benchmark) throws IOException {
    Files.write(values, lines(benchmark));
    return 0;
  }

  static List<String> lines(CommandSpec benchmark) {
    return benchmark.options().stream()
        .filter(option -> !option.usageHelp() && !option.versionHelp())
        .map(option -> option.longestName().substring(2) + "=" + text(option))
        .toList();
  }

  private static String text(OptionSpec option) {
    Object value = option.getValue();
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof Duration duration) {
      return Cli.format(duration);
    }
    return value == null ? "" : value.toString();
  }

  /** A benchmark's options, which it writes once parsed. */
  @Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false)
  abstract static class Benchmark implements Callable<Integer> {

    @ParentCommand
    private BenchOptions bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--no-build", description = "do not rebuild")
    private boolean noBuild;

    @Override
    public Integer call() throws IOException {
      return bench.write(spec);
    }
  }

  @Command(name = "decisions",
      description = {
          "Decision latency against rate, open loop, for our node and the Redis baseline in the same run, with the"
              + " simulator producing events in the background (DecisionBenchmark); then freshness, from produce to"
              + " Kafka until the features show the event, for both (FreshnessBenchmark); then a wrk cross-check.",
          ""})
  static final class Decisions extends Benchmark {

    @Mixin
    private DecisionSteps steps;

    @Option(names = "--history", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "200000",
        description = "events of history before measuring (default ${DEFAULT-VALUE})")
    private int history;

    @Option(names = "--background-rate", paramLabel = "R", converter = Cli.Positive.class, defaultValue = "1000",
        description = "simulator events per second during the measurement (default ${DEFAULT-VALUE})")
    private int backgroundRate;

    @Option(names = "--samples", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "1000",
        description = "freshness samples per run, 3 runs (default ${DEFAULT-VALUE})")
    private int samples;

    @Option(names = "--wrk-rate", paramLabel = "R", converter = Cli.Positive.class, defaultValue = "5000",
        description = "the step wrk cross-checks (default ${DEFAULT-VALUE})")
    private int wrkRate;

    @Option(names = "--no-wrk", description = "skip the wrk cross-check")
    private boolean noWrk;
  }

  @Command(name = "ingestion",
      description = {
          "Kafka to persisted: a simulated history goes into Kafka first, then one node consumes it; events/s from"
              + " its first commit until every offset is committed, and the CPU share of the node, Cassandra and"
              + " Kafka; then customers' event counts are checked against the simulation (IngestionBenchmark). Each"
              + " run starts from clean services: every customer is new to the node.",
          ""})
  static final class Ingestion extends Benchmark {

    @Mixin
    private IngestionWorkload workload;

    @Option(names = "--runs", paramLabel = "N", converter = Cli.Positive.class, defaultValue = "3",
        description = "repetitions (default ${DEFAULT-VALUE}); the report shows their medians, min and max")
    private int runs;

    @Option(names = "--label", paramLabel = "L", converter = IngestionWorkload.Label.class,
        description = "names the variant measured in the report (default: the commit, e.g. 537746c)")
    private String label;

    @Option(names = "--append", description = "add to the runs already in the report instead of starting it afresh,"
        + " so that variants measured in alternation share one table")
    private boolean append;
  }
}
